package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;


import static dev.switchboard.routing.scoring.ScoringFixtures.*;
import static dev.switchboard.routing.scoring.LatencyClass.HIGH;
import static dev.switchboard.routing.scoring.LatencyClass.LOW;
import static dev.switchboard.routing.scoring.LatencyClass.MEDIUM;
import static dev.switchboard.routing.scoring.LatencyClass.ULTRA_LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latency-driven factors of seed 000's score: health, SLA compliance and performance. */
class LatencyFactorsTest {

    private final ProviderScorer scorer = new ProviderScorer(ScoringConfig.DEFAULTS);

    // ---- health ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "successRate={0}")
    @CsvSource(value = {"null", "0.0", "0.4", "0.99", "1.0"}, nullValues = "null")
    void healthIsMinusFiftyWhenTheCircuitIsOpenRegardlessOfSuccessRate(Double successRate) {
        for (LatencyClass latencyClass : LatencyClass.values()) {
            assertEquals(-50.0, factor(signals().open().success(successRate), latencyClass, "health"), EPS,
                    latencyClass.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void healthOfAZeroSuccessRateIsMinusFiftyTimesTheEmphasis(LatencyClass latencyClass) {
        assertEquals(-50.0 * latencyClass.emphasis(), factor(signals().success(0.0), latencyClass, "health"), 0.005);
    }

    @Test
    void healthOfAFullSuccessRateIsSeventyFiveAtUltraLow() {
        assertEquals(75.0, factor(signals().success(1.0), ULTRA_LOW, "health"), EPS);
        assertEquals(-50.0, factor(signals().success(0.0), ULTRA_LOW, "health"), EPS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void healthOfAFullSuccessRateIsWeightedByTheEmphasis(LatencyClass latencyClass) {
        assertEquals(75.0 * latencyClass.emphasis(), factor(signals().success(1.0), latencyClass, "health"), 0.005);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void healthOfAFortyPercentSuccessRateIsZero(LatencyClass latencyClass) {
        assertEquals(0.0, factor(signals().success(0.4), latencyClass, "health"), EPS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void healthIsWithinRangeAndRisesWithTheSuccessRate(LatencyClass latencyClass) {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 20; i++) {
            double health = factor(signals().success(i / 20.0), latencyClass, "health");
            assertTrue(health >= -50 && health <= 75, "health " + health);
            assertTrue(health > previous, "not rising at " + i / 20.0);
            previous = health;
        }
    }

    // ---- SLA ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void slaIsPlusTwentyAtZeroZeroAtTheTargetAndMinusTwentyAtTwiceIt(LatencyClass latencyClass) {
        double target = target(latencyClass);
        assertEquals(20.0, factor(signals().p95(0), latencyClass, "sla"), EPS);
        assertEquals(10.0, factor(signals().p95(target / 2), latencyClass, "sla"), EPS);
        assertEquals(0.0, factor(signals().p95(target), latencyClass, "sla"), EPS);
        assertEquals(-10.0, factor(signals().p95(target * 1.5), latencyClass, "sla"), EPS);
        assertEquals(-20.0, factor(signals().p95(target * 2), latencyClass, "sla"), EPS);
        assertEquals(-20.0, factor(signals().p95(target * 10), latencyClass, "sla"), EPS);
    }

    @Test
    void slaIsMeasuredAgainstTheRequestsOwnTarget() {
        Signals oneSecond = signals().p95(1000);
        assertEquals(-20.0, factor(oneSecond, ULTRA_LOW, "sla"), EPS); // twice 500
        assertEquals(0.0, factor(oneSecond, LOW, "sla"), EPS);         // at 1000
        assertEquals(10.0, factor(oneSecond, MEDIUM, "sla"), EPS);     // half of 2000
        assertEquals(16.0, factor(oneSecond, HIGH, "sla"), EPS);       // 20 * 4000/5000
    }

    @Test
    void slaIsZeroWhileP95IsUnknown() {
        assertEquals(0.0, factor(signals().success(1.0).p50(10), ULTRA_LOW, "sla"), EPS);
    }

    @Test
    void slaIsScaledByTheSlaWeight() {
        ProviderScorer halfSla = new ProviderScorer(weights(0.45, 0.4, 0.15));
        ProviderScorer noSla = new ProviderScorer(weights(0.6, 0.4, 0.0));
        ProviderScorer doubleSla = new ProviderScorer(weights(0.2, 0.2, 0.6));
        double target = target(LOW);
        DeploymentSignals fast = signals().p95(0).build();
        DeploymentSignals late = signals().p95(2 * target).build();
        DeploymentSignals quick = signals().p95(0.75 * target).build(); // +5 at default weight

        assertEquals(10.0, halfSla.score(fast, 0, true, 1, LOW).factors().get("sla"), EPS);
        assertEquals(-10.0, halfSla.score(late, 0, true, 1, LOW).factors().get("sla"), EPS);
        assertEquals(0.0, noSla.score(fast, 0, true, 1, LOW).factors().get("sla"), EPS);
        assertEquals(0.0, noSla.score(late, 0, true, 1, LOW).factors().get("sla"), EPS);
        assertEquals(10.0, doubleSla.score(quick, 0, true, 1, LOW).factors().get("sla"), EPS);
        // stays within [-20, 20] however heavy the weight
        assertEquals(20.0, doubleSla.score(fast, 0, true, 1, LOW).factors().get("sla"), EPS);
        assertEquals(-20.0, doubleSla.score(late, 0, true, 1, LOW).factors().get("sla"), EPS);
    }

    // ---- performance -------------------------------------------------------------------------------------------

    @Test
    void performanceIsFifteenAtZeroP50AtUltraLowAndZeroAtOrOverTheTarget() {
        double target = target(ULTRA_LOW);
        assertEquals(15.0, factor(signals().p50(0), ULTRA_LOW, "performance"), EPS);
        assertEquals(7.5, factor(signals().p50(target / 2), ULTRA_LOW, "performance"), EPS);
        assertEquals(0.0, factor(signals().p50(target), ULTRA_LOW, "performance"), EPS);
        assertEquals(0.0, factor(signals().p50(target * 3), ULTRA_LOW, "performance"), EPS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void performanceIsWeightedByTheEmphasisAndStaysWithinZeroToFifteen(LatencyClass latencyClass) {
        assertEquals(15.0 * latencyClass.emphasis(), factor(signals().p50(0), latencyClass, "performance"), 0.005);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 24; i++) {
            double performance = factor(signals().p50(target(latencyClass) * i / 16.0), latencyClass, "performance");
            assertTrue(performance >= 0 && performance <= 15, "performance " + performance);
            assertTrue(performance <= previous, "rising with latency at " + i);
            previous = performance;
        }
    }

    @Test
    void performanceIsZeroWhileP50IsUnknown() {
        assertEquals(0.0, factor(signals().success(1.0).p95(10), ULTRA_LOW, "performance"), EPS);
    }

    @Test
    void performanceIsScaledByTheLatencyWeightAndCappedAtFifteen() {
        DeploymentSignals instant = signals().p50(0).build();
        DeploymentSignals halfTarget = signals().p50(target(ULTRA_LOW) / 2).build();
        assertEquals(7.5, new ProviderScorer(weights(0.15, 0.4, 0.45))
                .score(instant, 0, true, 1, ULTRA_LOW).factors().get("performance"), EPS);
        assertEquals(0.0, new ProviderScorer(weights(0.0, 0.4, 0.6))
                .score(instant, 0, true, 1, ULTRA_LOW).factors().get("performance"), EPS);
        ProviderScorer doubleLatency = new ProviderScorer(weights(0.6, 0.2, 0.2));
        assertEquals(15.0, doubleLatency.score(halfTarget, 0, true, 1, ULTRA_LOW).factors().get("performance"), EPS);
        assertEquals(15.0, doubleLatency.score(instant, 0, true, 1, ULTRA_LOW).factors().get("performance"), EPS);
    }
}
