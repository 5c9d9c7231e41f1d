package dev.switchboard.routing;

import java.util.Collection;

/**
 * One bit per {@link WordChars#shape}, set when some word or prefix term can have that shape. Nearly
 * every word of a prompt is ruled out by this one lookup, before any table probe or comparison. A
 * second set of bits, for the prefix terms alone, spares the prefix comparisons to the words (most of
 * those that pass) whose shape no prefix has.
 */
final class ShapeFilter {

    private static final int LONGEST = 63;

    private final long[] bits = new long[(1 << 16) / 64];
    private final long[] prefixBits = new long[(1 << 16) / 64];

    ShapeFilter(Collection<String> words, Collection<ScanTerm.Prefix> prefixes) {
        for (String word : words) {
            allow(bits, word, word.length(), word.length());
        }
        for (ScanTerm.Prefix prefix : prefixes) {
            allow(bits, prefix.start(), prefix.minLength(), LONGEST);
            allow(prefixBits, prefix.start(), prefix.minLength(), LONGEST);
        }
    }

    boolean mayMatch(int shape) {
        return (bits[shape >>> 6] & (1L << shape)) != 0;
    }

    /** False when no prefix term can match a word of this shape; true says "compare the prefixes". */
    boolean mayStartPrefix(int shape) {
        return (prefixBits[shape >>> 6] & (1L << shape)) != 0;
    }

    /** Marks the shapes of words that start like {@code start} and are {@code from} to {@code to} long. */
    private static void allow(long[] bits, String start, int from, int to) {
        for (int length = Math.min(from, LONGEST); length <= Math.min(to, LONGEST); length++) {
            if (start.length() > 1 || length == 1) {
                mark(bits, WordChars.shape(start.charAt(0), start.charAt(Math.min(1, length - 1)), length));
            } else {
                // A one-character prefix says nothing of the second character: allow them all.
                for (char second = 0; second < 32; second++) {
                    mark(bits, WordChars.shape(start.charAt(0), second, length));
                }
            }
        }
    }

    private static void mark(long[] bits, int shape) {
        bits[shape >>> 6] |= 1L << shape;
    }
}
