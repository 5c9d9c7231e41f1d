package dev.switchboard.routing;

/**
 * The last few vocabulary words of a scan, as word-table numbers, and how many of the latest words in a
 * row were vocabulary words joined by a single space or hyphen: all a phrase ending at the current word
 * needs. A word outside the vocabulary only breaks the run, so it costs no shifting.
 */
final class PhraseWindow {

    /** Most recent first. */
    private final int[] recent;
    private int joinedRun;

    PhraseWindow(int longestPhrase) {
        this.recent = new int[Math.max(1, longestPhrase)];
    }

    void push(int id, boolean joinedToPrevious) {
        for (int k = recent.length - 1; k > 0; k--) {
            recent[k] = recent[k - 1];
        }
        recent[0] = id;
        joinedRun = joinedToPrevious ? joinedRun + 1 : 1;
    }

    /** A word no phrase contains: no phrase can reach back past it. */
    void breakRun() {
        joinedRun = 0;
    }

    /** Whether the latest words are {@code phrase}, in order, each joined to the one before. */
    boolean endsWith(int[] phrase) {
        int n = phrase.length;
        if (n > joinedRun || n > recent.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (recent[k] != phrase[n - 1 - k]) {
                return false;
            }
        }
        return true;
    }
}
