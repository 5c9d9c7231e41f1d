package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static dev.switchboard.routing.RoutingFixtures.unpriced;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CostBasedStrategyTest {

    private static final Candidate CHEAP_PREMIUM = candidate("deepseek/r1", Tier.PREMIUM, 1e-6);
    private static final Candidate ECONOMY = candidate("openai/mini", Tier.ECONOMY, 2e-6);
    private static final Candidate STANDARD = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);
    private static final Candidate UNPRICED_A = unpriced("local/alpha", Tier.ECONOMY);
    private static final Candidate UNPRICED_B = unpriced("local/beta", Tier.ECONOMY);

    private final CostBasedStrategy strategy = new CostBasedStrategy();

    private RoutingDecision decide(RoutingRequest request) {
        return strategy.decide(request).orElseThrow();
    }

    @Test
    void isNamedCostBased() {
        assertEquals("cost-based", strategy.name());
        assertEquals("cost-based", decide(request(0.9, ECONOMY)).strategyUsed());
    }

    @Test
    void ranksTheCheapestPerTokenFirstWhateverItsTierAndWhateverTheComplexity() {
        RoutingDecision decision = decide(request(0.1, STANDARD, ECONOMY, CHEAP_PREMIUM));

        assertEquals(List.of("deepseek/r1", "openai/mini", "anthropic/haiku"), labels(decision.ranked()));
        assertEquals("deepseek/r1 is the cheapest deployment per token", decision.reasoning());
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @Test
    void theCostEstimateIsTheChosenOnesUpperBound() {
        RoutingRequest request = request(0.1, STANDARD, ECONOMY);

        assertEquals(request.costUpperBound(ECONOMY), decide(request).costEstimate());
    }

    @Test
    void unpricedDeploymentsGoLastEvenThoughTheirListedPriceIsZero() {
        RoutingDecision decision = decide(request(0.1, UNPRICED_B, STANDARD, UNPRICED_A, ECONOMY));

        assertEquals(List.of("openai/mini", "anthropic/haiku", "local/alpha", "local/beta"), labels(decision.ranked()));
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @Test
    void equalPricesAreOrderedByLabel() {
        Candidate b = candidate("b/model", Tier.ECONOMY, 2e-6);
        Candidate a = candidate("a/model", Tier.PREMIUM, 2e-6);

        assertEquals(List.of("a/model", "b/model"), labels(decide(request(0.1, b, a)).ranked()));
    }

    @Test
    void withNothingPricedItSaysSoWithLowConfidence() {
        RoutingDecision decision = decide(request(0.1, UNPRICED_B, UNPRICED_A));

        assertEquals(List.of("local/alpha", "local/beta"), labels(decision.ranked()));
        assertEquals(Confidence.LOW, decision.confidence());
        assertEquals("no deployment has a known price; local/alpha is first by name", decision.reasoning());
    }

    @Test
    void declinesWithoutCandidates() {
        assertEquals(Optional.empty(), strategy.decide(request(0.1)));
    }
}
