package dev.switchboard.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Real image files made in memory (PNG, JPEG and GIF by the JDK's ImageIO; WebP headers by hand). */
public final class TestImages {

    private TestImages() {
    }

    /** A {@code format} ("png", "jpeg", "gif", "bmp") image of the given size, as ImageIO writes it. */
    public static byte[] written(String format, int width, int height) {
        return written(format, width, height, 0x336699);
    }

    /** A {@code format} image of the given size in one colour ({@code rgb}), as ImageIO writes it. */
    public static byte[] written(String format, int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return encoded(image, format);
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG of seeded random pixels, which compresses hardly at all: about 3 bytes a pixel. */
    public static byte[] noise(int width, int height, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encoded(image, "png");
    }

    /** The first 30 bytes of a lossy WebP file (a VP8 chunk: frame tag, start code, then width and height). */
    public static byte[] webpLossy(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(22).put("WEBP".getBytes()).put("VP8 ".getBytes()).putInt(10);
        b.put(new byte[]{0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a});
        b.putShort((short) width).putShort((short) height);
        return b.array();
    }

    /** The first 30 bytes of an extended WebP file (a VP8X chunk holds the canvas size less one). */
    public static byte[] webpExtended(int width, int height) {
        byte[] bytes = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WEBPVP8X".getBytes(), 0, bytes, 8, 8);
        bytes[16] = 10;
        int w = width - 1;
        int h = height - 1;
        bytes[24] = (byte) w;
        bytes[25] = (byte) (w >> 8);
        bytes[26] = (byte) (w >> 16);
        bytes[27] = (byte) h;
        bytes[28] = (byte) (h >> 8);
        bytes[29] = (byte) (h >> 16);
        return bytes;
    }

    /** The first 25 bytes of a lossless WebP file (VP8L packs width and height less one in 14 bits each). */
    public static byte[] webpLossless(int width, int height) {
        byte[] bytes = new byte[25];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(), 0, bytes, 8, 8);
        bytes[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        bytes[21] = (byte) bits;
        bytes[22] = (byte) (bits >> 8);
        bytes[23] = (byte) (bits >> 16);
        bytes[24] = (byte) (bits >> 24);
        return bytes;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String dataUrl(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + base64(bytes);
    }

    /** An inline PNG image of the given size. */
    public static ImageInput png(int width, int height) {
        return ImageInput.inline("image/png", base64(written("png", width, height)), null);
    }
}
