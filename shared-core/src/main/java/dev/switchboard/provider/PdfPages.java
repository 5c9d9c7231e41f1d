package dev.switchboard.provider;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many pages a PDF file says it has, read from its text without parsing it: the page tree's
 * {@code /Count} (its root's is the largest), else the {@code /Type /Page} objects, else 0. A file that
 * keeps its objects in compressed streams (PDF 1.5 and later may) shows neither, and reads as 0.
 *
 * <p>A {@code /Count} belongs to a page tree node when a {@code /Type /Pages} stands in the same stretch of text
 * between two {@code >} (a dictionary holds no {@code >} but its own end). The file is the caller's: each pattern
 * is found in one pass and the stretches are matched up afterwards, so the work grows with the file's size, never
 * with its square (a pattern that searched on from each {@code /Count} for a {@code /Type /Pages} did, and a file
 * of repeated {@code /Count 1} took minutes).
 */
final class PdfPages {

    private static final Pattern TREE_NODE = Pattern.compile("/Type\\s*/Pages\\b");
    private static final Pattern COUNT = Pattern.compile("/Count\\s+(\\d{1,7})");
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private PdfPages() {
    }

    static int of(byte[] pdf) {
        // Latin-1 maps each byte to one char, so a binary stream cannot break the text around it.
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int[] stretchEnds = stretchEnds(text);
        boolean[] treeNode = new boolean[stretchEnds.length + 1];
        Matcher node = TREE_NODE.matcher(text);
        int stretch = 0;
        while (node.find()) {
            stretch = stretchOf(node.start(), stretchEnds, stretch);
            treeNode[stretch] = true;
        }
        int count = 0;
        Matcher counted = COUNT.matcher(text);
        stretch = 0;
        while (counted.find()) {
            stretch = stretchOf(counted.start(), stretchEnds, stretch);
            if (treeNode[stretch]) {
                count = Math.max(count, Integer.parseInt(counted.group(1)));
            }
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

    /** The positions of every '>', in order: stretch i ends at the i-th of them (the last runs to the file's end). */
    private static int[] stretchEnds(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '>') {
                n++;
            }
        }
        int[] ends = new int[n];
        for (int i = 0, j = 0; i < text.length(); i++) {
            if (text.charAt(i) == '>') {
                ends[j++] = i;
            }
        }
        return ends;
    }

    /** The stretch holding {@code position}, searched from {@code from} on: matches come in order, so the walk is linear. */
    private static int stretchOf(int position, int[] ends, int from) {
        int stretch = from;
        while (stretch < ends.length && ends[stretch] < position) {
            stretch++;
        }
        return stretch;
    }
}
