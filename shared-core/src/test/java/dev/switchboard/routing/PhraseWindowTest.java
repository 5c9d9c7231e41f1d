package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseWindowTest {

    @Test
    void seesThePhraseThatEndsAtTheLatestWordAfterTheRingHasWrappedManyTimes() {
        PhraseWindow window = new PhraseWindow(3);
        for (int i = 0; i < 1001; i++) {
            window.push(i % 7, true);
        }
        // 1000 % 7 = 6, 999 % 7 = 5, 998 % 7 = 4: the three newest words, oldest first.
        assertTrue(window.endsWith(new int[] {4, 5, 6}));
        assertTrue(window.endsWith(new int[] {5, 6}));
        assertFalse(window.endsWith(new int[] {3, 5, 6}));
        assertFalse(window.endsWith(new int[] {3, 4, 5, 6}), "longer than the longest phrase");
    }

    @Test
    void aPhraseCannotReachBackPastAWordNotJoinedToIt() {
        PhraseWindow window = new PhraseWindow(3);
        window.push(1, true);
        window.push(2, false);
        window.push(3, true);
        assertTrue(window.endsWith(new int[] {2, 3}));
        assertFalse(window.endsWith(new int[] {1, 2, 3}));

        window.push(4, false);
        assertTrue(window.endsWith(new int[] {4}));
        assertFalse(window.endsWith(new int[] {3, 4}));
    }
}
