package dev.switchboard.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0.00", "1, 1.00", "0.156, 0.16", "0.154, 0.15", "0.05, 0.05", "0.5, 0.50", "12.3456, 12.35",
            "-0.25, -0.25", "-0.001, 0.00", "0.999, 1.00"})
    void writesTwoDecimalsRoundedHalfUp(double value, String expected) {
        assertEquals(expected, Decimals.two(value));
    }
}
