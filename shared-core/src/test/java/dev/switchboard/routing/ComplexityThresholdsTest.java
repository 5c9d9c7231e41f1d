package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplexityThresholdsTest {

    private final ComplexityThresholds defaults = ComplexityThresholds.DEFAULTS;

    @Test
    void defaultsAreThirtyAndSixtyHundredthsWithAFiveHundredthsMargin() {
        assertEquals(new ComplexityThresholds(0.3, 0.6, 0.05), defaults);
    }

    @ParameterizedTest(name = "standard-from={0} premium-from={1}")
    @CsvSource(textBlock = """
            0.0,  0.6
            -0.1, 0.6
            0.6,  0.3
            0.3,  0.3
            0.3,  1.0
            0.3,  1.5
            NaN,  0.6
            0.3,  NaN
            """)
    void refusesBoundariesOutOfOrderOrOutsideTheOpenUnitInterval(double standardFrom, double premiumFrom) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComplexityThresholds(standardFrom, premiumFrom, 0.05));
        assertTrue(e.getMessage().contains("standard-from < premium-from"), e.getMessage());
    }

    @ParameterizedTest(name = "margin={0}")
    @CsvSource({"-0.01", "0.21", "1.0"})
    void refusesAMarginOutsideZeroToTwoTenths(double margin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComplexityThresholds(0.3, 0.6, margin));
        assertTrue(e.getMessage().contains("margin"), e.getMessage());
    }

    @ParameterizedTest(name = "margin={0}")
    @CsvSource({"0.0", "0.2"})
    void acceptsTheMarginBounds(double margin) {
        assertDoesNotThrow(() -> new ComplexityThresholds(0.3, 0.6, margin));
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
    void tierForUsesLowerInclusiveBoundaries(double complexity, Tier expected) {
        assertEquals(expected, defaults.tierFor(complexity));
    }

    @ParameterizedTest(name = "{0} near a boundary: {1}")
    @CsvSource(textBlock = """
            0.0,  false
            0.24, false
            0.25, false
            0.26, true
            0.3,  true
            0.34, true
            0.35, false
            0.36, false
            0.45, false
            0.55, false
            0.56, true
            0.6,  true
            0.64, true
            0.65, false
            0.66, false
            1.0,  false
            """)
    void nearBoundaryIsWithinTheMarginOfEitherBoundary(double complexity, boolean expected) {
        assertEquals(expected, defaults.nearBoundary(complexity));
    }

    @Test
    void aZeroMarginIsNeverNearABoundary() {
        ComplexityThresholds exact = new ComplexityThresholds(0.3, 0.6, 0.0);

        assertEquals(false, exact.nearBoundary(0.3));
        assertEquals(false, exact.nearBoundary(0.6));
    }
}
