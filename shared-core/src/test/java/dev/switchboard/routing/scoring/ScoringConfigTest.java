package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringConfigTest {

    private static final ScoringConfig D = ScoringConfig.DEFAULTS;

    /** The defaults with the four SLA targets replaced. */
    private static ScoringConfig slas(long ultraLow, long low, long medium, long high) {
        return new ScoringConfig(ultraLow, low, medium, high, D.weightLatency(), D.weightCost(), D.weightSla());
    }

    /** The default SLA targets with the three weights replaced. */
    private static ScoringConfig weights(double latency, double cost, double sla) {
        return new ScoringConfig(D.slaUltraLowMs(), D.slaLowMs(), D.slaMediumMs(), D.slaHighMs(), latency, cost, sla);
    }

    private static void assertRefusedNaming(String variable, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(variable), () -> "expected " + variable + " in: " + e.getMessage());
    }

    @Test
    void defaultsAreSeed000s() {
        assertEquals(500, D.slaUltraLowMs());
        assertEquals(1000, D.slaLowMs());
        assertEquals(2000, D.slaMediumMs());
        assertEquals(5000, D.slaHighMs());
        assertEquals(0.3, D.weightLatency());
        assertEquals(0.4, D.weightCost());
        assertEquals(0.3, D.weightSla());
        assertEquals(new ScoringConfig(500, 1000, 2000, 5000, 0.3, 0.4, 0.3), D);
    }

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({"ULTRA_LOW, 500", "LOW, 1000", "MEDIUM, 2000", "HIGH, 5000"})
    void slaTargetOfEachClassIsItsDefault(LatencyClass latencyClass, long expectedMs) {
        assertEquals(expectedMs, D.slaTargetMs(latencyClass));
    }

    @Test
    void slaTargetOfEachClassComesFromItsOwnComponent() {
        ScoringConfig config = slas(11, 22, 33, 44);
        assertEquals(11, config.slaTargetMs(LatencyClass.ULTRA_LOW));
        assertEquals(22, config.slaTargetMs(LatencyClass.LOW));
        assertEquals(33, config.slaTargetMs(LatencyClass.MEDIUM));
        assertEquals(44, config.slaTargetMs(LatencyClass.HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void everyClassHasAPositiveTarget(LatencyClass latencyClass) {
        assertTrue(D.slaTargetMs(latencyClass) > 0);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "SLA_ULTRA_LOW_MS, 0", "SLA_ULTRA_LOW_MS, -1",
            "SLA_LOW_MS, 0", "SLA_LOW_MS, -1000",
            "SLA_MEDIUM_MS, 0", "SLA_MEDIUM_MS, -2000",
            "SLA_HIGH_MS, 0", "SLA_HIGH_MS, -5000"})
    void refusesAZeroOrNegativeSlaNamingItsVariable(String variable, long value) {
        long[] t = {500, 1000, 2000, 5000};
        switch (variable) {
            case "SLA_ULTRA_LOW_MS" -> t[0] = value;
            case "SLA_LOW_MS" -> t[1] = value;
            case "SLA_MEDIUM_MS" -> t[2] = value;
            default -> t[3] = value;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slas(t[0], t[1], t[2], t[3]));
        assertTrue(e.getMessage().startsWith(variable + " "), e.getMessage());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}")
    @CsvSource({
            "1001, 1000, 2000, 5000",
            "500, 2001, 2000, 5000",
            "500, 1000, 5001, 5000",
            "5000, 2000, 1000, 500"})
    void refusesSlaTargetsOutOfOrderNamingTheVariables(long ultraLow, long low, long medium, long high) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slas(ultraLow, low, medium, high));
        for (String variable : new String[] {"SLA_ULTRA_LOW_MS", "SLA_LOW_MS", "SLA_MEDIUM_MS", "SLA_HIGH_MS"}) {
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        }
    }

    @Test
    void acceptsEqualSlaTargets() {
        ScoringConfig config = assertDoesNotThrow(() -> slas(1000, 1000, 1000, 1000));
        assertEquals(1000, config.slaTargetMs(LatencyClass.ULTRA_LOW));
        assertEquals(1000, config.slaTargetMs(LatencyClass.HIGH));
        assertDoesNotThrow(() -> slas(1, 1, 1, 1));
    }

    @ParameterizedTest(name = "WEIGHT_LATENCY={0}")
    @CsvSource({"-0.1", "1.5", "NaN"})
    void refusesAnInvalidLatencyWeight(double value) {
        assertRefusedNaming("WEIGHT_LATENCY", () -> weights(value, 0.4, 0.3));
    }

    @ParameterizedTest(name = "WEIGHT_COST={0}")
    @CsvSource({"-0.1", "1.5", "NaN"})
    void refusesAnInvalidCostWeight(double value) {
        assertRefusedNaming("WEIGHT_COST", () -> weights(0.3, value, 0.3));
    }

    @ParameterizedTest(name = "WEIGHT_SLA={0}")
    @CsvSource({"-0.1", "1.5", "NaN"})
    void refusesAnInvalidSlaWeight(double value) {
        assertRefusedNaming("WEIGHT_SLA", () -> weights(0.3, 0.4, value));
    }

    @Test
    void anInvalidWeightIsRefusedForItsRangeAndNotOnlyForTheSum() {
        // -0.1 + 0.8 + 0.3 = 1.0: only the range check can refuse it.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> weights(-0.1, 0.8, 0.3));
        assertTrue(e.getMessage().startsWith("WEIGHT_LATENCY must be between 0 and 1"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} + {1} + {2}")
    @CsvSource({"0.2, 0.4, 0.2", "0.4, 0.4, 0.4", "0.3, 0.3, 0.3", "0.4, 0.5, 0.4"})
    void refusesWeightsNotSummingToAboutOne(double latency, double cost, double sla) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> weights(latency, cost, sla));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
        for (String variable : new String[] {"WEIGHT_LATENCY", "WEIGHT_COST", "WEIGHT_SLA"}) {
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} + {1} + {2}")
    @CsvSource({"0.34, 0.4, 0.3", "0.3, 0.4, 0.26", "1.0, 0.0, 0.0", "0.0, 1.0, 0.0", "0.0, 0.0, 1.0"})
    void acceptsWeightsSummingToAboutOne(double latency, double cost, double sla) {
        ScoringConfig config = assertDoesNotThrow(() -> weights(latency, cost, sla));
        assertEquals(latency, config.weightLatency());
        assertEquals(cost, config.weightCost());
        assertEquals(sla, config.weightSla());
    }
}
