package dev.switchboard.provider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How long a WAV or MP3 clip plays, read from its header alone, for token estimates; -1 when the bytes
 * are not such a clip. WAV: the RIFF "fmt " chunk's byte rate, held to its sample rate and block size, and
 * the "data" chunk's size, exact. MP3: past an ID3v2 tag, the first layer III frame that another follows
 * where its length says (one look-alike header in other bytes is not enough), its bit rate over the rest
 * of the file: exact for a constant bit rate, an estimate for a variable one.
 */
public final class AudioDuration {

    /** Bit rates in kbit/s by index, for MPEG-1 layer III and for MPEG-2/2.5 layer III. */
    private static final int[] MPEG1_LAYER3 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_LAYER3 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    /** Sample rates in Hz by index, for MPEG-1, MPEG-2 and MPEG-2.5. */
    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};
    private static final int[] MPEG2_RATES = {22_050, 24_000, 16_000};
    private static final int[] MPEG25_RATES = {11_025, 12_000, 8_000};
    /** How far past its tag a first frame is looked for. */
    private static final int FRAME_SEARCH = 8192;
    /** WAV's sample formats whose byte rate is the sample rate times the block: PCM, IEEE float, extensible. */
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final long MIN_SAMPLE_RATE = 1_000;
    private static final long MAX_SAMPLE_RATE = 768_000;
    /** Eight channels of 64-bit samples: no block is larger. */
    private static final long MAX_BLOCK = 64;

    private AudioDuration() {
    }

    /** Seconds of {@code bytes} in {@code format}, or -1 when its header does not say. */
    public static double of(AudioFormat format, byte[] bytes) {
        return format == AudioFormat.WAV ? wav(bytes) : mp3(bytes);
    }

    static double wav(byte[] b) {
        if (b.length < 12 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WAVE")) {
            return -1;
        }
        long byteRate = 0;
        // A long: a chunk may claim up to 4 GiB, which must end the walk, not wrap the position around.
        long at = 12;
        while (at + 8 <= b.length) {
            int chunk = (int) at;
            long size = le32(b, chunk + 4);
            if (ascii(b, chunk, "fmt ") && at + 24 <= b.length) {
                byteRate = byteRate(b, chunk + 8);
            } else if (ascii(b, chunk, "data")) {
                // A streamed WAV may say all ones for a size it did not know: the bytes left tell then.
                long left = b.length - at - 8;
                long data = size == 0xFFFFFFFFL ? left : Math.min(size, left);
                return byteRate > 0 ? (double) data / byteRate : -1;
            }
            at += 8 + size + (size & 1);
        }
        return -1;
    }

    /**
     * The byte rate of a "fmt " chunk's body at {@code at}, 0 when it is not one a clip could have: it sets
     * the clip's length, so a header claiming gigabytes a second would make any clip free to send.
     */
    private static long byteRate(byte[] b, int at) {
        int sampleFormat = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        long sampleRate = le32(b, at + 4);
        long byteRate = le32(b, at + 8);
        long block = (b[at + 12] & 0xFF) | (b[at + 13] & 0xFF) << 8;
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE || block < 1 || block > MAX_BLOCK) {
            return 0;
        }
        boolean uncompressed = sampleFormat == PCM || sampleFormat == FLOAT || sampleFormat == EXTENSIBLE;
        if (uncompressed ? byteRate != sampleRate * block : byteRate < 1 || byteRate > MAX_SAMPLE_RATE * MAX_BLOCK) {
            return 0;
        }
        return byteRate;
    }

    static double mp3(byte[] b) {
        int start = 0;
        if (b.length >= 10 && ascii(b, 0, "ID3")) {
            // The tag's size is four 7-bit bytes, past its 10-byte header.
            start = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
        }
        for (int at = start; at + 4 <= b.length && at < start + FRAME_SEARCH; at++) {
            int length = frameLength(b, at);
            // A frame is taken when the next one is where its length says, or when it ends the file.
            boolean followed = length > 0 && (at + length == b.length
                    || at + length + 4 <= b.length && frameLength(b, at + length) > 0);
            if (followed) {
                return (b.length - at) * 8.0 / (bitRate(b, at) * 1000.0);
            }
        }
        return -1;
    }

    /** The length in bytes of a layer III frame whose header is at {@code at}, or 0 when there is none. */
    private static int frameLength(byte[] b, int at) {
        if ((b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) {
            return 0;
        }
        int version = (b[at + 1] >> 3) & 0x3;
        int layer = (b[at + 1] >> 1) & 0x3;
        int bitRateIndex = (b[at + 2] >> 4) & 0xF;
        int sampleRateIndex = (b[at + 2] >> 2) & 0x3;
        if (version == 1 || layer != 1 || bitRateIndex == 0 || bitRateIndex == 15 || sampleRateIndex == 3) {
            return 0;
        }
        int sampleRate = (version == 3 ? MPEG1_RATES : version == 2 ? MPEG2_RATES : MPEG25_RATES)[sampleRateIndex];
        int padding = (b[at + 2] >> 1) & 0x1;
        // 1152 samples a frame for MPEG-1, 576 for MPEG-2 and 2.5: an eighth of that in bytes per bit/s.
        return (version == 3 ? 144_000 : 72_000) * bitRate(b, at) / sampleRate + padding;
    }

    /** The bit rate in kbit/s of the frame header at {@code at}, which {@link #frameLength} found valid. */
    private static int bitRate(byte[] b, int at) {
        int version = (b[at + 1] >> 3) & 0x3;
        int bitRateIndex = (b[at + 2] >> 4) & 0xF;
        return version == 3 ? MPEG1_LAYER3[bitRateIndex] : MPEG2_LAYER3[bitRateIndex];
    }

    private static boolean ascii(byte[] b, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return at + expected.length <= b.length
                && Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
