package dev.switchboard.cost;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenCountTest {

    @Test
    void isLabelledExactOrEstimate() {
        assertEquals("exact", new TokenCount(3, true, "o200k_base").method());
        assertEquals("estimate", new TokenCount(3, false, "chars/4").method());
    }

    @Test
    void refusesANegativeCountOrNoBasis() {
        assertThrows(IllegalArgumentException.class, () -> new TokenCount(-1, true, "o200k_base"));
        assertThrows(NullPointerException.class, () -> new TokenCount(1, true, null));
    }

    @Test
    void aCounterThatKnowsNoEncodingCallsEveryModelCountAnEstimate() {
        TokenCounter plain = new TokenCounter() {
            @Override
            public int count(String text) {
                return text.length();
            }

            @Override
            public String method() {
                return "estimate";
            }
        };

        assertEquals(new TokenCount(5, false, "model-independent"), plain.count("gpt-4o", "hello"));
    }
}
