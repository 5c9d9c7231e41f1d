package dev.switchboard.service;

import dev.switchboard.routing.learning.FeatureVector;
import dev.switchboard.routing.learning.PromptFeatures;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnerFeatureTextTest {

    @Test
    void readsBackExactlyAndFitsTheColumn() {
        double[] values = FeatureVector.of("What is 3.5% of $1,200? Explain (briefly).\nA. 42\nB. 7").toArray();

        String text = LearnerFeatureText.encode(values);

        assertArrayEquals(values, LearnerFeatureText.decode(text).orElseThrow());
        assertTrue(text.length() <= LearnerFeatureText.MAX_LENGTH, text);
        assertFalse(text.contains("Explain"), "features are numbers, not words");
    }

    @Test
    void refusesWhatIsNotAFeatureVector() {
        assertEquals(Optional.empty(), LearnerFeatureText.decode(null));
        assertEquals(Optional.empty(), LearnerFeatureText.decode(""));
        assertEquals(Optional.empty(), LearnerFeatureText.decode("1,2,3"));
        String nan = String.join(",", java.util.Collections.nCopies(PromptFeatures.COUNT, "NaN"));
        assertEquals(Optional.empty(), LearnerFeatureText.decode(nan));
        String word = "x," + String.join(",", java.util.Collections.nCopies(PromptFeatures.COUNT - 1, "1.0"));
        assertEquals(Optional.empty(), LearnerFeatureText.decode(word));
    }
}
