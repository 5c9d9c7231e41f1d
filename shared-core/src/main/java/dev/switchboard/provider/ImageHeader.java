package dev.switchboard.provider;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an image's first bytes say: its format and its size in pixels, read from the header of a PNG,
 * GIF, WebP or JPEG file without decoding the image. Enough to refuse bytes that are not the image their
 * media type claims (which providers answer with a 400) and to estimate the image's tokens.
 *
 * @param mediaType image/png, image/gif, image/webp or image/jpeg
 * @param width     in pixels; 0 when the header does not say (a JPEG cut before its frame header)
 * @param height    in pixels; 0 when the header does not say
 */
public record ImageHeader(String mediaType, int width, int height) {

    /** Enough of a JPEG to pass its usual EXIF and ICC segments and reach its frame header. */
    public static final int LEADING_BYTES = 65_536;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public boolean sized() {
        return width > 0 && height > 0;
    }

    /** The header of {@code bytes} (the whole file or its first bytes); empty when no known format starts them. */
    public static Optional<ImageHeader> read(byte[] bytes) {
        if (bytes.length >= PNG.length && Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
            boolean ihdr = bytes.length >= 24 && bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D'
                    && bytes[15] == 'R';
            return Optional.of(ihdr ? new ImageHeader("image/png", int32(bytes, 16), int32(bytes, 20))
                    : new ImageHeader("image/png", 0, 0));
        }
        if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
            return Optional.of(bytes.length >= 10 ? new ImageHeader("image/gif", le16(bytes, 6), le16(bytes, 8))
                    : new ImageHeader("image/gif", 0, 0));
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(webp(bytes));
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(jpeg(bytes));
        }
        return Optional.empty();
    }

    private static ImageHeader webp(byte[] b) {
        if (ascii(b, 12, "VP8 ") && b.length >= 30) {
            return new ImageHeader("image/webp", le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
        }
        if (ascii(b, 12, "VP8L") && b.length >= 25) {
            int b1 = b[22] & 0xff;
            int b2 = b[23] & 0xff;
            int b3 = b[24] & 0xff;
            int width = 1 + ((b[21] & 0xff) | (b1 & 0x3f) << 8);
            int height = 1 + ((b1 >> 6) | b2 << 2 | (b3 & 0x0f) << 10);
            return new ImageHeader("image/webp", width, height);
        }
        if (ascii(b, 12, "VP8X") && b.length >= 30) {
            return new ImageHeader("image/webp", 1 + le24(b, 24), 1 + le24(b, 27));
        }
        return new ImageHeader("image/webp", 0, 0);
    }

    /** Walks the segments to the first start-of-frame marker, which holds the size. */
    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                break;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                i += 2;
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                break;
            }
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (startOfFrame && i + 8 < b.length) {
                return new ImageHeader("image/jpeg", be16(b, i + 7), be16(b, i + 5));
            }
            i += 2 + be16(b, i + 2);
        }
        return new ImageHeader("image/jpeg", 0, 0);
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        if (bytes.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A PNG's size is unsigned, but no real image is 2^31 pixels wide; a larger value reads as unknown. */
    private static int int32(byte[] b, int at) {
        int value = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
        return Math.max(value, 0);
    }

    private static int be16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
