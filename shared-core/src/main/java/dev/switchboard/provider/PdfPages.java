package dev.switchboard.provider;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many pages a PDF file says it has, read from its text without parsing it: the page tree's
 * {@code /Count} (its root's is the largest), else the {@code /Type /Page} objects, else 0. A file that
 * keeps its objects in compressed streams (PDF 1.5 and later may) shows neither, and reads as 0.
 */
final class PdfPages {

    private static final Pattern COUNT = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d{1,7})"
            + "|/Count\\s+(\\d{1,7})[^>]*?/Type\\s*/Pages\\b");
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private PdfPages() {
    }

    static int of(byte[] pdf) {
        // Latin-1 maps each byte to one char, so a binary stream cannot break the text around it.
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int count = 0;
        Matcher tree = COUNT.matcher(text);
        while (tree.find()) {
            String digits = tree.group(1) != null ? tree.group(1) : tree.group(2);
            count = Math.max(count, Integer.parseInt(digits));
        }
        if (count > 0) {
            return count;
        }
        Matcher page = PAGE.matcher(text);
        while (page.find()) {
            count++;
        }
        return count;
    }
}
