package dev.switchboard.provider;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        byte[] wav = TestAudio.wav(100, 16_000);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0xFFFFFFF0);

        assertEquals(-1, AudioDuration.of(AudioFormat.WAV, wav), "no data chunk within the bytes given");
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
