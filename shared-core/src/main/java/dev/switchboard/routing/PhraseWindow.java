package dev.switchboard.routing;

/**
 * The last few vocabulary words of a scan, as word-table numbers, and how many of the latest words in a
 * row were vocabulary words joined by a single space or hyphen: all a phrase ending at the current word
 * needs. The scan tells, when it pushes a word, whether it is joined to the word pushed before it (a
 * word outside the vocabulary between them means it is not); a word is one store in a ring, with no
 * shifting.
 */
final class PhraseWindow {

    /** The latest words, the newest at {@code (pushed - 1) & mask}; a power of two long. */
    private final int[] ring;
    private final int mask;
    private final int longest;
    private int pushed;
    private int joinedRun;

    PhraseWindow(int longestPhrase) {
        this.longest = Math.max(1, longestPhrase);
        this.ring = new int[Integer.highestOneBit(longest * 2 - 1)];
        this.mask = ring.length - 1;
    }

    void push(int id, boolean joinedToPrevious) {
        ring[pushed++ & mask] = id;
        joinedRun = joinedToPrevious ? joinedRun + 1 : 1;
    }

    /** Whether the latest words are {@code phrase}, in order, each joined to the one before. */
    boolean endsWith(int[] phrase) {
        int n = phrase.length;
        if (n > joinedRun || n > longest) {
            return false;
        }
        // joinedRun words have been pushed since the run began, so the n newest are all in the ring.
        for (int k = 0; k < n; k++) {
            if (ring[(pushed - 1 - k) & mask] != phrase[n - 1 - k]) {
                return false;
            }
        }
        return true;
    }
}
