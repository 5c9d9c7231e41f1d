package dev.switchboard.provider;

import java.util.Base64;

/** Bytes a request carries inline as padded standard base64 text (images, files). */
final class InlineData {

    private InlineData() {
    }

    /** How many bytes {@code base64} holds, without decoding it. */
    static long byteCount(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4L * 3 - padding;
    }

    static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** The first {@code max} bytes or so of {@code base64}, decoded from a whole number of 4-character groups. */
    static byte[] leadingBytes(String base64, int max) {
        int chars = Math.min(base64.length(), max / 3 * 4);
        return Base64.getDecoder().decode(base64.substring(0, chars));
    }
}
