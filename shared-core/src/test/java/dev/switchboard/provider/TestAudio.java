package dev.switchboard.provider;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small, well-formed audio clips written by hand: silent PCM WAV files and MP3 files of silent-sized frames. */
public final class TestAudio {

    /** An MPEG-1 layer III frame header: 128 kbit/s, 44.1 kHz, no padding, stereo. */
    static final byte[] MPEG1_128K_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0x64};
    /** 144 * 128,000 / 44,100 bytes a frame at that rate. */
    static final int MPEG1_128K_FRAME_BYTES = 417;

    private TestAudio() {
    }

    /** A 16-bit mono PCM WAV of {@code millis} of silence at {@code sampleRate}. */
    public static byte[] wav(int millis, int sampleRate) {
        int dataBytes = sampleRate * 2 * millis / 1000;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return out.array();
    }

    /** An MPEG-2 layer III frame header: 64 kbit/s, 22.05 kHz, no padding. */
    static final byte[] MPEG2_64K_HEADER = {(byte) 0xFF, (byte) 0xF3, (byte) 0x80, (byte) 0x64};
    /** 72 * 64,000 / 22,050 bytes a frame at that rate. */
    static final int MPEG2_64K_FRAME_BYTES = 208;

    /** An MP3 of {@code frames} frames at 128 kbit/s, after an ID3v2 tag of {@code tagBytes} bytes (0 for none). */
    public static byte[] mp3(int frames, int tagBytes) {
        return mp3(frames, tagBytes, MPEG1_128K_HEADER, MPEG1_128K_FRAME_BYTES);
    }

    /** An MP3 of {@code frames} frames of {@code header}, each {@code frameBytes} long, after an ID3v2 tag. */
    static byte[] mp3(int frames, int tagBytes, byte[] header, int frameBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tagBytes > 0) {
            out.writeBytes("ID3".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {4, 0, 0, (byte) (tagBytes >> 21 & 0x7F), (byte) (tagBytes >> 14 & 0x7F),
                    (byte) (tagBytes >> 7 & 0x7F), (byte) (tagBytes & 0x7F)});
            out.writeBytes(new byte[tagBytes]);
        }
        for (int i = 0; i < frames; i++) {
            out.writeBytes(header);
            out.writeBytes(new byte[frameBytes - header.length]);
        }
        return out.toByteArray();
    }

    /** {@code millis} of silence as a WAV clip at 16 kHz. */
    public static AudioInput wavClip(int millis) {
        byte[] bytes = wav(millis, 16_000);
        return new AudioInput(AudioFormat.WAV, Base64.getEncoder().encodeToString(bytes),
                AudioDuration.of(AudioFormat.WAV, bytes));
    }

    public static String base64Wav(int millis) {
        return Base64.getEncoder().encodeToString(wav(millis, 16_000));
    }
}
