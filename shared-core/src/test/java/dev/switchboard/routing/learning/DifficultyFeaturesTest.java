package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DifficultyFeaturesTest {

    @Test
    void describesThePromptsShape() {
        // words: Add(3) the(3) numbers(7) remarkably(10) the(3); numbers: 12, 30; one line break; a quote
        double[] f = DifficultyFeatures.of("Add the numbers 12 and 30,\nremarkably \"the\"");

        assertEquals(DifficultyFeatures.NAMES.size(), f.length);
        String text = "Add the numbers 12 and 30,\nremarkably \"the\"";
        assertEquals(Math.log1p(text.length()), f[0], 1e-12);
        assertEquals(Math.log1p(8), f[1], 1e-12);            // 6 words + 2 numbers
        assertEquals((3 + 3 + 7 + 3 + 10 + 3) / 6.0, f[2], 1e-12);
        assertEquals(1 / 6.0, f[3], 1e-12);                 // "remarkably" is the one word over 8 letters
        assertEquals(5 / 6.0, f[4], 1e-12);                 // "the" twice
        assertEquals(2 / 8.0, f[5], 1e-12);
        assertEquals(Math.log1p(1), f[6], 1e-12);
        assertEquals(1.0, f[7], 1e-12);
    }

    @Test
    void anEmptyPromptHasZeroShape() {
        assertArrayEquals(new double[8], DifficultyFeatures.of(""));
    }
}
