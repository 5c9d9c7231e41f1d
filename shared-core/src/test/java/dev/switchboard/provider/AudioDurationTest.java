package dev.switchboard.provider;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AudioDurationTest {

    @Test
    void aWavClipPlaysItsDataOverItsByteRate() {
        assertEquals(2.0, AudioDuration.of(AudioFormat.WAV, TestAudio.wav(2000, 16_000)), 1e-9);
        assertEquals(0.25, AudioDuration.of(AudioFormat.WAV, TestAudio.wav(250, 44_100)), 1e-4);
    }

    @Test
    void aStreamedWavThatDidNotKnowItsSizeIsMeasuredByTheBytesLeft() {
        byte[] wav = TestAudio.wav(1000, 8_000);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, -1);

        assertEquals(1.0, AudioDuration.of(AudioFormat.WAV, wav), 1e-9);
    }

    @Test
    void chunksBeforeTheDataAreSkippedOddSizesPadded() {
        byte[] plain = TestAudio.wav(500, 16_000);
        ByteBuffer extra = ByteBuffer.allocate(plain.length + 8 + 3 + 1).order(ByteOrder.LITTLE_ENDIAN);
        extra.put(plain, 0, 36).put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(3).put(new byte[4])
                .put(plain, 36, plain.length - 36);

        assertEquals(0.5, AudioDuration.of(AudioFormat.WAV, extra.array()), 1e-9);
    }

    @Test
    void aChunkClaimingGigabytesEndsTheWalkInsteadOfWrappingAround() {
        // 0xFFFFFFF8 would add exactly 2^32 to an int position (a loop without end), 0xFFFFFFE0 make it negative.
        for (int size : new int[] {0xFFFFFFF8, 0xFFFFFFE0, 0xFFFFFFF0}) {
            byte[] wav = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.US_ASCII))
                    .putInt(32).put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("JUNK".getBytes(StandardCharsets.US_ASCII))
                    .putInt(size).array();

            assertEquals(-1, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AudioDuration.of(AudioFormat.WAV, wav)),
                    Integer.toHexString(size));
        }
    }

    @Test
    void aByteRateTheSampleRateAndBlockDoNotGiveIsRefusedSinceItSetsTheLength() {
        byte[] wav = TestAudio.wav(1000, 16_000);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(28, Integer.MAX_VALUE);
        byte[] absurdRate = TestAudio.wav(1000, 16_000);
        ByteBuffer.wrap(absurdRate).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 50_000_000).putInt(28, 100_000_000);

        assertEquals(-1, AudioDuration.of(AudioFormat.WAV, wav), "a PCM byte rate is its sample rate times its block");
        assertEquals(-1, AudioDuration.of(AudioFormat.WAV, absurdRate), "no clip samples 50 million times a second");
    }

    @Test
    void anMp3PlaysItsBytesAfterTheTagAtTheFirstFramesBitRate() {
        int frames = 100;
        double expected = frames * TestAudio.MPEG1_128K_FRAME_BYTES * 8 / 128_000.0;

        assertEquals(expected, AudioDuration.of(AudioFormat.MP3, TestAudio.mp3(frames, 0)), 1e-9);
        assertEquals(expected, AudioDuration.of(AudioFormat.MP3, TestAudio.mp3(frames, 300)), 1e-9,
                "an ID3v2 tag is not audio");
    }

    @Test
    void anMpeg2ClipPlaysAtItsOwnTablesRate() {
        byte[] mp3 = TestAudio.mp3(50, 0, TestAudio.MPEG2_64K_HEADER, TestAudio.MPEG2_64K_FRAME_BYTES);

        assertEquals(50 * TestAudio.MPEG2_64K_FRAME_BYTES * 8 / 64_000.0, AudioDuration.of(AudioFormat.MP3, mp3), 1e-9);
    }

    @Test
    void aLookAlikeFrameHeaderInsideOtherBytesIsNotAnMp3() {
        byte[] noise = TestAudio.wav(1000, 16_000);
        new Random(7).nextBytes(noise);
        System.arraycopy(TestAudio.MPEG1_128K_HEADER, 0, noise, 100, 4);

        assertEquals(-1, AudioDuration.of(AudioFormat.MP3, noise), "a sample that reads FF FB is not a frame");
        assertEquals(TestAudio.MPEG1_128K_FRAME_BYTES * 8 / 128_000.0,
                AudioDuration.of(AudioFormat.MP3, TestAudio.mp3(1, 0)), 1e-9, "one frame that ends the file");
    }

    @Test
    void bytesThatAreNotTheFormatNamedHaveNoLength() {
        byte[] wav = TestAudio.wav(1000, 16_000);
        byte[] mp3 = TestAudio.mp3(10, 0);

        assertEquals(-1, AudioDuration.of(AudioFormat.WAV, mp3));
        assertEquals(-1, AudioDuration.of(AudioFormat.MP3, wav));
        assertEquals(-1, AudioDuration.of(AudioFormat.WAV, Arrays.copyOf(wav, 30)), "cut before its data chunk");
        assertEquals(-1, AudioDuration.of(AudioFormat.MP3, new byte[2]));
        assertEquals(-1, AudioDuration.of(AudioFormat.MP3, "ID3".getBytes(StandardCharsets.US_ASCII)));
    }
}
