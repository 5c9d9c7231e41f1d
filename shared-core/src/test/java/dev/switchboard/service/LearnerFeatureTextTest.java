package dev.switchboard.service;

import dev.switchboard.routing.learning.FeatureVector;
import dev.switchboard.routing.learning.PromptFeatures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

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

    @Test
    void writesEveryValueAsDoubleToStringDoes() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 42.0, 0.5, 9_999_999.0, 1e7, 1.5e7, 123_456_789.0, 1e-3, 1e-4,
                Math.log1p(3), Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Math.nextDown(1e7), Math.nextUp(0.0)};
        assertEquals(expected(edges), LearnerFeatureText.encode(edges));
        Random random = new Random(20261129);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 3) {
                case 0 -> random.nextInt(20_000_000);
                case 1 -> Math.log1p(random.nextInt(5_000));
                default -> random.nextDouble();
            };
        }
        assertEquals(expected(values), LearnerFeatureText.encode(values));
    }

    private static String expected(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}
