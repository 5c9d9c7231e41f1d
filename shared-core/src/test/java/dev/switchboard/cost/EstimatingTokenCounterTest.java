package dev.switchboard.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EstimatingTokenCounterTest {

    private final EstimatingTokenCounter counter = new EstimatingTokenCounter();

    @Test
    void nothingIsNoTokens() {
        assertEquals(0, counter.count(null));
        assertEquals(0, counter.count(""));
    }

    @ParameterizedTest(name = "{0} chars -> {1} tokens")
    @CsvSource({"1, 1", "3, 1", "4, 1", "5, 2", "8, 2", "9, 3", "4000, 1000", "4001, 1001"})
    void aboutFourCharactersPerTokenRoundedUp(int chars, int tokens) {
        assertEquals(tokens, counter.count("x".repeat(chars)));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // four emoji are eight UTF-16 chars but four code points
        assertEquals(1, counter.count("😀😀😀😀"));
        assertEquals(2, counter.count("😀😀😀😀😀"));
    }

    @Test
    void whitespaceCounts() {
        assertEquals(1, counter.count(" "));
        assertEquals(2, counter.count("one two"));
    }

    @Test
    void saysItIsAnEstimate() {
        assertEquals("estimate", counter.method());
    }
}
