package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.switchboard.routing.RoutingFixtures.MAX_TOKENS;
import static dev.switchboard.routing.RoutingFixtures.PROMPT_TOKENS;
import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplexityStrategyTest {

    private static final Candidate ECONOMY_CHEAP = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate ECONOMY_DEAR = candidate("openai/mini", Tier.ECONOMY, 2e-6);
    private static final Candidate STANDARD_CHEAP = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);
    private static final Candidate STANDARD_DEAR = candidate("openai/turbo", Tier.STANDARD, 6e-6);
    private static final Candidate PREMIUM_CHEAP = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate PREMIUM_DEAR = candidate("anthropic/sonnet", Tier.PREMIUM, 2e-5);

    /** Deliberately not in any useful order. */
    private static final Candidate[] ALL = {PREMIUM_DEAR, ECONOMY_DEAR, STANDARD_DEAR, PREMIUM_CHEAP,
            ECONOMY_CHEAP, STANDARD_CHEAP};

    private final ComplexityStrategy strategy = new ComplexityStrategy(ComplexityThresholds.DEFAULTS);

    private RoutingDecision decide(double complexity, Candidate... candidates) {
        return strategy.decide(request(complexity, candidates)).orElseThrow();
    }

    @Test
    void isNamedComplexity() {
        assertEquals("complexity", strategy.name());
        assertEquals("complexity", decide(0.1, ALL).strategyUsed());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            0.0,  gemini/flash
            0.1,  gemini/flash
            0.45, anthropic/haiku
            0.8,  openai/gpt-4o
            1.0,  openai/gpt-4o
            """)
    void choosesTheCheapestDeploymentOfTheTierTheScoreMapsTo(double complexity, String expected) {
        assertEquals(expected, decide(complexity, ALL).chosen().label());
    }

    @Test
    void fallsBackToTheSameTierByPriceThenStrongerTiersNearestFirstThenWeakerOnes() {
        RoutingDecision decision = decide(0.45, ALL);

        assertEquals(List.of("anthropic/haiku", "openai/turbo", "openai/gpt-4o", "anthropic/sonnet",
                "gemini/flash", "openai/mini"), labels(decision.ranked()));
        assertEquals(labels(decision.ranked()).subList(1, 6), labels(decision.fallbacks()));
    }

    @Test
    void fromEconomyTheFallbacksClimbTierByTier() {
        assertEquals(List.of("gemini/flash", "openai/mini", "anthropic/haiku", "openai/turbo", "openai/gpt-4o",
                "anthropic/sonnet"), labels(decide(0.1, ALL).ranked()));
    }

    @Test
    void fromPremiumTheWeakerTiersFollowNearestFirst() {
        assertEquals(List.of("openai/gpt-4o", "anthropic/sonnet", "anthropic/haiku", "openai/turbo", "gemini/flash",
                "openai/mini"), labels(decide(0.9, ALL).ranked()));
    }

    @Test
    void anUnpricedDeploymentIsNotTakenForAFreeOneAndGoesLastInItsTier() {
        Candidate unpriced = new Candidate("local", "mystery", Tier.ECONOMY, 0, 0, false);
        Candidate priced = candidate("gemini/flash", Tier.ECONOMY, 1e-6);

        RoutingDecision decision = strategy.decide(request(0.1, unpriced, priced)).orElseThrow();

        assertEquals(List.of("gemini/flash", "local/mystery"), labels(decision.ranked()));
    }

    @Test
    void ranksByInputPlusOutputPrice() {
        Candidate cheapInput = candidate("a", "cheap-input", Tier.ECONOMY, 1e-6, 5e-6); // 6e-6 per token pair
        Candidate cheapOverall = candidate("b", "cheap-overall", Tier.ECONOMY, 4e-6, 1e-6); // 5e-6

        assertEquals("b/cheap-overall", decide(0.1, cheapInput, cheapOverall).chosen().label());
    }

    @Test
    void breaksPriceTiesByLabelSoTheOrderIsStable() {
        Candidate b = candidate("b/model", Tier.ECONOMY, 1e-6);
        Candidate a = candidate("a/model", Tier.ECONOMY, 1e-6);

        assertEquals(List.of("a/model", "b/model"), labels(decide(0.1, b, a).ranked()));
        assertEquals(List.of("a/model", "b/model"), labels(decide(0.1, a, b).ranked()));
    }

    @Test
    void confidenceIsMediumWhenTheTargetTierExistsAndTheScoreIsClearOfTheBoundaries() {
        RoutingDecision decision = decide(0.45, ALL);

        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertEquals("general prompt with complexity 0.45 maps to the standard tier; "
                + "anthropic/haiku is its cheapest deployment", decision.reasoning());
    }

    @ParameterizedTest(name = "complexity {0}")
    @CsvSource({"0.27", "0.32", "0.58", "0.62"})
    void confidenceIsLowNearATierBoundary(double complexity) {
        assertEquals(Confidence.LOW, decide(complexity, ALL).confidence());
    }

    @Test
    void confidenceIsLowAndTheReasoningSaysSoWhenTheTargetTierIsMissing() {
        RoutingDecision decision = decide(0.9, ECONOMY_CHEAP, STANDARD_DEAR, STANDARD_CHEAP);

        assertEquals("anthropic/haiku", decision.chosen().label());
        assertEquals(Confidence.LOW, decision.confidence());
        assertEquals("general prompt with complexity 0.90 maps to the premium tier; no premium deployment is "
                + "available, so anthropic/haiku (standard) stands in", decision.reasoning());
    }

    @Test
    void aMissingCheapTierIsCoveredByTheNearestStrongerOne() {
        RoutingDecision decision = decide(0.1, PREMIUM_CHEAP, STANDARD_DEAR);

        assertEquals("openai/turbo", decision.chosen().label());
        assertEquals(Confidence.LOW, decision.confidence());
        assertTrue(decision.reasoning().contains("no economy deployment is available"), decision.reasoning());
    }

    @Test
    void costEstimateIsTheChosenDeploymentsUpperBound() {
        Candidate haiku = candidate("anthropic", "haiku", Tier.STANDARD, 8e-7, 4e-6);

        RoutingDecision decision = decide(0.45, haiku, ECONOMY_CHEAP);

        assertEquals(PROMPT_TOKENS * 8e-7 + MAX_TOKENS * 4e-6, decision.costEstimate(), 1e-15);
        assertEquals(haiku.costUpperBound(PROMPT_TOKENS, MAX_TOKENS), decision.costEstimate());
    }

    @Test
    void keepsTheAnalysisItDecidedOn() {
        RoutingRequest request = request(0.45, ALL);

        assertEquals(request.analysis(), strategy.decide(request).orElseThrow().analysis());
    }

    @Test
    void aSingleCandidateHasNoFallbacks() {
        RoutingDecision decision = decide(0.45, STANDARD_CHEAP);

        assertEquals(STANDARD_CHEAP, decision.chosen());
        assertEquals(List.of(), decision.fallbacks());
    }

    @Test
    void noCandidatesMeansNoDecision() {
        assertTrue(strategy.decide(request(0.45)).isEmpty());
    }

    @Test
    void honoursCustomThresholds() {
        ComplexityStrategy strict = new ComplexityStrategy(new ComplexityThresholds(0.1, 0.2, 0.0));

        assertEquals(PREMIUM_CHEAP, strict.decide(request(0.45, ALL)).orElseThrow().chosen());
    }
}
