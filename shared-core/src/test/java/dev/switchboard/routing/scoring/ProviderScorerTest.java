package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.switchboard.routing.scoring.LatencyClass.HIGH;
import static dev.switchboard.routing.scoring.LatencyClass.LOW;
import static dev.switchboard.routing.scoring.LatencyClass.MEDIUM;
import static dev.switchboard.routing.scoring.LatencyClass.ULTRA_LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderScorerTest {

    private static final double EPS = 1e-9;
    private static final double MAX_PRICE = 0.00004;
    private static final List<String> FACTOR_KEYS =
            List.of("health", "priority", "sla", "performance", "capability", "cost");

    private final ProviderScorer scorer = new ProviderScorer(ScoringConfig.DEFAULTS);

    // ---- small builders ------------------------------------------------------------------------------------

    /** Fluent DeploymentSignals, starting from {@link DeploymentSignals#unknown()}. */
    private static final class Signals {
        private boolean circuitOpen;
        private Double successRate;
        private Double p50;
        private Double p95;
        private int priority = DeploymentSignals.DEFAULT_PRIORITY;
        private int capabilities;

        Signals open() {
            circuitOpen = true;
            return this;
        }

        Signals success(Double rate) {
            successRate = rate;
            return this;
        }

        Signals p50(double ms) {
            p50 = ms;
            return this;
        }

        Signals p95(double ms) {
            p95 = ms;
            return this;
        }

        Signals priority(int value) {
            priority = value;
            return this;
        }

        Signals capabilities(int value) {
            capabilities = value;
            return this;
        }

        DeploymentSignals build() {
            return new DeploymentSignals(circuitOpen, successRate, p50, p95, priority, capabilities);
        }
    }

    private static Signals signals() {
        return new Signals();
    }

    /** The defaults with the three weights replaced. */
    private static ScoringConfig weights(double latency, double cost, double sla) {
        ScoringConfig d = ScoringConfig.DEFAULTS;
        return new ScoringConfig(d.slaUltraLowMs(), d.slaLowMs(), d.slaMediumMs(), d.slaHighMs(), latency, cost, sla);
    }

    /** Scored as the dearest of the candidates, priced. */
    private ProviderScore dearest(Signals s, LatencyClass latencyClass) {
        return scorer.score(s.build(), MAX_PRICE, true, MAX_PRICE, latencyClass);
    }

    private double factor(Signals s, LatencyClass latencyClass, String name) {
        return dearest(s, latencyClass).factors().get(name);
    }

    private static double costFactor(ProviderScorer scorer, double unitPrice, boolean priced, double maxUnitPrice) {
        return scorer.score(DeploymentSignals.unknown(), unitPrice, priced, maxUnitPrice, MEDIUM).factors().get("cost");
    }

    private double costFactor(double unitPrice, boolean priced, double maxUnitPrice) {
        return costFactor(scorer, unitPrice, priced, maxUnitPrice);
    }

    private static double target(LatencyClass latencyClass) {
        return ScoringConfig.DEFAULTS.slaTargetMs(latencyClass);
    }

    // ---- baseline and shape ------------------------------------------------------------------------------------

    @Test
    void unknownSignalsAtTheDearestPriceScoreBasePlusDefaultPriorityMinusFullCost() {
        ProviderScore score = scorer.score(DeploymentSignals.unknown(), MAX_PRICE, true, MAX_PRICE, MEDIUM);
        assertEquals(30.0, score.score(), EPS); // 50 + 10 - 30
        assertEquals(0.0, score.factors().get("health"), EPS);
        assertEquals(10.0, score.factors().get("priority"), EPS);
        assertEquals(0.0, score.factors().get("sla"), EPS);
        assertEquals(0.0, score.factors().get("performance"), EPS);
        assertEquals(0.0, score.factors().get("capability"), EPS);
        assertEquals(-30.0, score.factors().get("cost"), EPS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void unknownSignalsAreNeutralInEveryLatencyClass(LatencyClass latencyClass) {
        ProviderScore score = scorer.score(DeploymentSignals.unknown(), MAX_PRICE, true, MAX_PRICE, latencyClass);
        assertEquals(30.0, score.score(), EPS);
    }

    @Test
    void factorMapHasExactlyTheSixKeysInOrder() {
        ProviderScore score = dearest(signals().success(0.9).p50(100).p95(300).capabilities(2), LOW);
        assertEquals(FACTOR_KEYS, new ArrayList<>(score.factors().keySet()));
    }

    @Test
    void scoreIsTheBasePlusTheFactorsWhenWithinRange() {
        ProviderScore score = scorer.score(signals().success(0.8).p50(400).p95(1500).priority(3).capabilities(1)
                .build(), 0.00001, true, MAX_PRICE, LOW);
        double sum = ProviderScorer.BASE + score.factors().values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum > 0 && sum < 100, "precondition: " + sum);
        assertEquals(sum, score.score(), 1e-6);
    }

    @Test
    void factorsAreRoundedToHundredths() {
        // cost -30 * 1/7 = -4.2857...
        assertEquals(-4.29, costFactor(1, true, 7), EPS);
        // health (-50 + 125 * 0.5) * 0.85 = 10.625 -> 10.63 (within a rounding step either way)
        double health = factor(signals().success(0.5), LOW, "health");
        assertEquals(10.63, health, 0.0100001);
        assertEquals(health, Math.round(health * 100) / 100.0, EPS);
    }

    @Test
    void refusesANullConfig() {
        assertThrows(NullPointerException.class, () -> new ProviderScorer(null));
    }

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

    // ---- priority ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "priority={0}")
    @ValueSource(ints = {0, 1, 5, 9, 10})
    void priorityIsTwiceTheOperatorsPriority(int priority) {
        assertEquals(2.0 * priority, factor(signals().priority(priority), MEDIUM, "priority"), EPS);
    }

    @Test
    void priorityRangesFromZeroToTwenty() {
        assertEquals(0.0, factor(signals().priority(0), MEDIUM, "priority"), EPS);
        assertEquals(20.0, factor(signals().priority(10), MEDIUM, "priority"), EPS);
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

    // ---- capability --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "capabilities={0}")
    @CsvSource({"0, 0.0", "1, 2.5", "2, 5.0", "3, 7.5", "4, 10.0"})
    void capabilityIsTwoAndAHalfPerCapability(int capabilities, double expected) {
        assertEquals(expected, factor(signals().capabilities(capabilities), MEDIUM, "capability"), EPS);
    }

    // ---- cost --------------------------------------------------------------------------------------------------

    @Test
    void costIsZeroForTheCheapestPossibleAndMinusThirtyForTheDearest() {
        assertEquals(0.0, costFactor(0, true, MAX_PRICE), EPS);
        assertEquals(-30.0, costFactor(MAX_PRICE, true, MAX_PRICE), EPS);
    }

    @ParameterizedTest(name = "share={0}")
    @CsvSource({"0.1, -3.0", "0.25, -7.5", "0.5, -15.0", "0.75, -22.5"})
    void costIsProportionalToThePriceBetween(double share, double expected) {
        assertEquals(expected, costFactor(share * MAX_PRICE, true, MAX_PRICE), 1e-6);
    }

    @ParameterizedTest(name = "unitPrice={0}")
    @ValueSource(doubles = {0.0, 0.00001, 0.00004})
    void costIsTheFullPenaltyWhenUnpriced(double unitPrice) {
        assertEquals(-30.0, costFactor(unitPrice, false, MAX_PRICE), EPS);
        assertEquals(-30.0, costFactor(unitPrice, false, 0), EPS);
    }

    @Test
    void costIsZeroWhenTheDearestCandidateIsFree() {
        assertEquals(0.0, costFactor(0, true, 0), EPS);
    }

    @Test
    void costStaysWithinMinusThirtyToZero() {
        assertEquals(-30.0, costFactor(2 * MAX_PRICE, true, MAX_PRICE), EPS);
        assertEquals(-30.0, new ProviderScorer(weights(0.1, 0.8, 0.1))
                .score(DeploymentSignals.unknown(), 0.75 * MAX_PRICE, true, MAX_PRICE, MEDIUM).factors().get("cost"),
                EPS);
    }

    @ParameterizedTest(name = "WEIGHT_COST={1}")
    @CsvSource({"0.4, 0.2, 0.4", "0.3, 0.4, 0.3", "0.2, 0.6, 0.2", "0.1, 0.8, 0.1", "0.5, 0.0, 0.5"})
    void changingTheCostWeightChangesTheCostFactorProportionally(double latency, double cost, double sla) {
        ProviderScorer weighted = new ProviderScorer(weights(latency, cost, sla));
        double quarter = 0.25 * MAX_PRICE;
        double atDefault = costFactor(quarter, true, MAX_PRICE);
        assertEquals(-7.5, atDefault, 1e-6);
        assertEquals(atDefault * cost / ScoringConfig.DEFAULTS.weightCost(),
                costFactor(weighted, quarter, true, MAX_PRICE), 1e-6);
    }

    // ---- total -------------------------------------------------------------------------------------------------

    @Test
    void totalIsClampedToOneHundred() {
        // 50 + 75 + 20 + 20 + 15 + 10 + 0 = 190
        ProviderScore score = scorer.score(signals().success(1.0).p50(0).p95(0).priority(10).capabilities(4).build(),
                0, true, MAX_PRICE, ULTRA_LOW);
        assertEquals(100.0, score.score(), EPS);
        assertEquals(75.0, score.factors().get("health"), EPS);
        assertEquals(20.0, score.factors().get("priority"), EPS);
        assertEquals(20.0, score.factors().get("sla"), EPS);
        assertEquals(15.0, score.factors().get("performance"), EPS);
        assertEquals(10.0, score.factors().get("capability"), EPS);
        assertEquals(0.0, score.factors().get("cost"), EPS);
    }

    @Test
    void totalIsClampedToZero() {
        // 50 - 50 + 0 - 20 + 0 + 0 - 30 = -50
        ProviderScore score = dearest(signals().open().success(0.0).p50(10_000).p95(10_000).priority(0), LOW);
        assertEquals(0.0, score.score(), EPS);
        assertEquals(-50.0, score.factors().get("health"), EPS);
        assertEquals(-20.0, score.factors().get("sla"), EPS);
        assertEquals(-30.0, score.factors().get("cost"), EPS);
    }

    @Test
    void totalStaysWithinZeroToOneHundredAcrossManyInputs() {
        Double[] rates = {null, 0.0, 0.4, 1.0};
        double[] latencies = {0, 250, 1000, 10_000};
        for (LatencyClass latencyClass : LatencyClass.values()) {
            for (Double rate : rates) {
                for (double latency : latencies) {
                    for (int priority : new int[] {0, 10}) {
                        for (boolean open : new boolean[] {false, true}) {
                            Signals s = signals().success(rate).p50(latency).p95(latency).priority(priority)
                                    .capabilities(priority % 5);
                            if (open) {
                                s.open();
                            }
                            double score = scorer.score(s.build(), MAX_PRICE / 3, true, MAX_PRICE, latencyClass)
                                    .score();
                            assertTrue(score >= 0 && score <= 100, "score " + score);
                        }
                    }
                }
            }
        }
    }

    // ---- comparisons -------------------------------------------------------------------------------------------

    @Test
    void aCheaperDeploymentScoresHigherThanADearerOneWithTheSameSignals() {
        // 50 + 21.25 + 10 - 4 + 0 + 0 = 77.25 before cost, so neither is clamped
        DeploymentSignals same = signals().success(0.6).p50(1100).p95(1200).build();
        double cheap = scorer.score(same, 0.00001, true, MAX_PRICE, LOW).score();
        double dear = scorer.score(same, MAX_PRICE, true, MAX_PRICE, LOW).score();
        assertTrue(cheap > dear, cheap + " vs " + dear);
        assertEquals(69.75, cheap, 1e-6); // cost -7.5
        assertEquals(47.25, dear, 1e-6);  // cost -30
    }

    @Test
    void aHealthyFastDeploymentBeatsAFailingOne() {
        ProviderScore healthy = dearest(signals().success(0.99).p50(150).p95(400), ULTRA_LOW);
        ProviderScore failing = dearest(signals().success(0.2).p50(900).p95(2000), ULTRA_LOW);
        ProviderScore open = dearest(signals().open().success(0.99).p50(150).p95(400), ULTRA_LOW);
        assertTrue(healthy.score() > failing.score(), healthy + " vs " + failing);
        assertTrue(healthy.score() > open.score(), healthy + " vs " + open);
    }

    // ---- ProviderScore -----------------------------------------------------------------------------------------

    @Test
    void providerScoreFactorsNameEachFieldInTheSeedsOrder() {
        ProviderScore score = new ProviderScore(42, 1, 2, 3, 4, 5, 6);
        Map<String, Double> factors = score.factors();
        assertEquals(FACTOR_KEYS, new ArrayList<>(factors.keySet()));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), new ArrayList<>(factors.values()));
    }

    @Test
    void factorsMatchTheScoresFields() {
        ProviderScore score = scorer.score(signals().success(0.9).p50(200).p95(700).priority(7).capabilities(3)
                .build(), 0.00002, true, MAX_PRICE, LOW);
        Map<String, Double> factors = score.factors();
        assertEquals(score.health(), factors.get("health"), EPS);
        assertEquals(score.priority(), factors.get("priority"), EPS);
        assertEquals(score.sla(), factors.get("sla"), EPS);
        assertEquals(score.performance(), factors.get("performance"), EPS);
        assertEquals(score.capability(), factors.get("capability"), EPS);
        assertEquals(score.cost(), factors.get("cost"), EPS);
    }

    @Test
    void changingAReturnedFactorMapDoesNotChangeTheScore() {
        ProviderScore score = dearest(signals(), MEDIUM);
        Map<String, Double> factors;
        try {
            factors = score.factors();
            factors.put("cost", 0.0);
            factors.remove("priority");
        } catch (UnsupportedOperationException immutable) {
            // an unmodifiable view is as good
        }
        assertEquals(-30.0, score.cost(), EPS);
        assertEquals(-30.0, score.factors().get("cost"), EPS);
        assertEquals(FACTOR_KEYS, new ArrayList<>(score.factors().keySet()));
    }
}
