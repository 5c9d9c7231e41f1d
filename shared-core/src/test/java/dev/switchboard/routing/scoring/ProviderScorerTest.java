package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.switchboard.routing.scoring.ScoringFixtures.*;
import static dev.switchboard.routing.scoring.LatencyClass.LOW;
import static dev.switchboard.routing.scoring.LatencyClass.MEDIUM;
import static dev.switchboard.routing.scoring.LatencyClass.ULTRA_LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderScorerTest {


    private final ProviderScorer scorer = new ProviderScorer(ScoringConfig.DEFAULTS);

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
