package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningSettingsTest {

    private final LearningSettings defaults = LearningSettings.DEFAULTS;

    @Test
    void defaultsAreThirtyAndSixtyHundredthsFiftyExamplesAndThirtyHundredthsCertainty() {
        assertEquals(new LearningSettings(0.3, 0.6, 50, 0.3), defaults);
    }

    @ParameterizedTest(name = "standard-from={0} premium-from={1}")
    @CsvSource(textBlock = """
            0.0,  0.6
            0.6,  0.3
            0.3,  0.3
            0.3,  1.0
            NaN,  0.6
            0.3,  NaN
            """)
    void refusesThresholdsOutOfOrderOrOutsideTheOpenUnitInterval(double standardFrom, double premiumFrom) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningSettings(standardFrom, premiumFrom, 50, 0.3));
        assertEquals("learning thresholds must satisfy 0 < standard-from < premium-from < 1", e.getMessage());
    }

    @Test
    void refusesFewerThanOneMinimumExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningSettings(0.3, 0.6, 0, 0.3));
        assertEquals("learning min-examples must be at least 1", e.getMessage());
        assertDoesNotThrow(() -> new LearningSettings(0.3, 0.6, 1, 0.3));
    }

    @ParameterizedTest(name = "min-certainty={0}")
    @CsvSource({"-0.01", "1.01", "NaN"})
    void refusesAMinimumCertaintyOutsideTheUnitInterval(double minCertainty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningSettings(0.3, 0.6, 50, minCertainty));
        assertEquals("learning min-certainty must be in [0, 1]", e.getMessage());
    }

    @ParameterizedTest(name = "min-certainty={0}")
    @CsvSource({"0.0", "1.0"})
    void acceptsTheMinimumCertaintyBounds(double minCertainty) {
        assertDoesNotThrow(() -> new LearningSettings(0.3, 0.6, 50, minCertainty));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            0.0,   ECONOMY
            0.299, ECONOMY
            0.3,   STANDARD
            0.599, STANDARD
            0.6,   PREMIUM
            1.0,   PREMIUM
            """)
    void tierForUsesLowerInclusiveBoundaries(double failureProbability, Tier expected) {
        assertEquals(expected, defaults.tierFor(failureProbability));
    }

    /** Margins are to the nearer of 0.3 and 0.6; values are kept clear of float rounding at 0.05 and 0.1. */
    @ParameterizedTest(name = "p={0} certainty={1} -> {2}")
    @CsvSource(textBlock = """
            0.1,   0.9,  HIGH
            0.1,   0.7,  HIGH
            0.1,   0.69, MEDIUM
            0.1,   0.5,  MEDIUM
            0.1,   0.49, LOW
            0.45,  0.9,  HIGH
            0.95,  1.0,  HIGH
            0.19,  0.9,  HIGH
            0.21,  0.9,  MEDIUM
            0.24,  0.9,  MEDIUM
            0.26,  0.9,  LOW
            0.3,   1.0,  LOW
            0.34,  0.9,  LOW
            0.36,  0.9,  MEDIUM
            0.41,  0.9,  HIGH
            0.49,  0.9,  HIGH
            0.51,  0.9,  MEDIUM
            0.56,  0.9,  LOW
            0.64,  0.9,  LOW
            0.66,  0.9,  MEDIUM
            0.71,  0.9,  HIGH
            0.0,   0.49, LOW
            """)
    void confidenceNeedsCertaintyAndAMarginFromTheNearerBoundary(double p, double certainty, Confidence expected) {
        assertEquals(expected, defaults.confidence(p, certainty));
    }

    @ParameterizedTest(name = "p={0} certainty={1} -> {2}")
    @CsvSource(textBlock = """
            0.2,  0.9, HIGH
            0.5,  0.9, HIGH
            0.7,  0.9, HIGH
            0.4,  0.9, HIGH
            0.25, 0.9, MEDIUM
            0.35, 0.9, MEDIUM
            0.55, 0.9, MEDIUM
            0.65, 0.9, MEDIUM
            """)
    void aMarginOfExactlyATenthOrAHalfTenthCountsAsThatMargin(double p, double certainty, Confidence expected) {
        assertEquals(expected, defaults.confidence(p, certainty));
    }

    @Test
    void boundariesFollowCustomThresholds() {
        LearningSettings strict = new LearningSettings(0.1, 0.2, 10, 0.5);

        assertEquals(Tier.ECONOMY, strict.tierFor(0.09));
        assertEquals(Tier.STANDARD, strict.tierFor(0.1));
        assertEquals(Tier.PREMIUM, strict.tierFor(0.2));
        assertEquals(Confidence.HIGH, strict.confidence(0.9, 0.9));
        assertEquals(Confidence.LOW, strict.confidence(0.16, 0.9), "0.04 from 0.2");
    }
}
