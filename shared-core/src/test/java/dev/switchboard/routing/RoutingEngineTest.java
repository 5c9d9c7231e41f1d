package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingEngineTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final RoutingRequest REQUEST = request(0.1, ECONOMY, PREMIUM);

    private final ComplexityStrategy complexity = new ComplexityStrategy(ComplexityThresholds.DEFAULTS);

    /** A hybrid strategy that answers as told and remembers what it was asked. */
    private static final class StubStrategy implements RoutingStrategy {
        private final Function<RoutingRequest, Optional<RoutingDecision>> answer;
        private final List<RoutingRequest> asked = new ArrayList<>();

        StubStrategy(Function<RoutingRequest, Optional<RoutingDecision>> answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "hybrid";
        }

        @Override
        public Optional<RoutingDecision> decide(RoutingRequest request) {
            asked.add(request);
            return answer.apply(request);
        }
    }

    private static RoutingDecision hybridPicksPremium(RoutingRequest request) {
        return new RoutingDecision(PREMIUM, List.of(ECONOMY), "hybrid", Confidence.HIGH, "learned", request.analysis(),
                0.02);
    }

    @Test
    void withoutAutoRouteTheComplexityStrategyDecidesAndTheHybridIsNotAsked() {
        StubStrategy hybrid = new StubStrategy(r -> Optional.of(hybridPicksPremium(r)));

        RoutingDecision decision = new RoutingEngine(complexity, hybrid).decide(REQUEST, false);

        assertEquals("complexity", decision.strategyUsed());
        assertEquals(complexity.decide(REQUEST).orElseThrow(), decision);
        assertEquals(List.of(), hybrid.asked);
    }

    @Test
    void autoRouteWithoutAHybridFallsBackToComplexityAndSaysWhy() {
        RoutingDecision decision = new RoutingEngine(complexity, null).decide(REQUEST, true);
        RoutingDecision byComplexity = complexity.decide(REQUEST).orElseThrow();

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertEquals(byComplexity.ranked(), decision.ranked());
        assertEquals(byComplexity.confidence(), decision.confidence());
        assertEquals(byComplexity.costEstimate(), decision.costEstimate());
        assertEquals("hybrid routing is not installed in this build; complexity rule used: "
                + byComplexity.reasoning(), decision.reasoning());
    }

    @Test
    void aHybridThatDecidesWins() {
        StubStrategy hybrid = new StubStrategy(r -> Optional.of(hybridPicksPremium(r)));

        RoutingDecision decision = new RoutingEngine(complexity, hybrid).decide(REQUEST, true);

        assertEquals("hybrid", decision.strategyUsed());
        assertSame(PREMIUM, decision.chosen());
        assertEquals(Confidence.HIGH, decision.confidence());
        assertEquals(List.of(REQUEST), hybrid.asked);
    }

    @Test
    void aHybridThatThrowsFallsBackToComplexityInsteadOfFailingTheRequest() {
        StubStrategy hybrid = new StubStrategy(r -> {
            throw new IllegalStateException("learning state unreadable");
        });

        RoutingDecision decision = new RoutingEngine(complexity, hybrid).decide(REQUEST, true);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertSame(ECONOMY, decision.chosen());
        assertTrue(decision.reasoning().startsWith("hybrid strategy failed (IllegalStateException); "),
                decision.reasoning());
    }

    @Test
    void aHybridThatCannotDecideFallsBackToComplexityAndSaysSo() {
        StubStrategy hybrid = new StubStrategy(r -> Optional.empty());

        RoutingDecision decision = new RoutingEngine(complexity, hybrid).decide(REQUEST, true);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertSame(ECONOMY, decision.chosen());
        assertTrue(decision.reasoning().startsWith("hybrid strategy could not decide; complexity rule used: "),
                decision.reasoning());
        assertEquals(List.of(REQUEST), hybrid.asked);
    }

    @ParameterizedTest(name = "auto_route={0}")
    @ValueSource(booleans = {false, true})
    void noCandidatesIsAnError(boolean autoRoute) {
        StubStrategy hybrid = new StubStrategy(r -> Optional.of(hybridPicksPremium(r)));

        NoCandidatesException e = assertThrows(NoCandidatesException.class,
                () -> new RoutingEngine(complexity, hybrid).decide(request(0.1), autoRoute));

        assertTrue(e.getMessage().contains("no provider deployment"), e.getMessage());
        assertEquals(List.of(), hybrid.asked);
    }

    @Test
    void aComplexityStrategyThatCannotDecideIsAnError() {
        RoutingStrategy undecided = new StubStrategy(r -> Optional.empty());

        assertThrows(NoCandidatesException.class, () -> new RoutingEngine(undecided, null).decide(REQUEST, false));
    }

    @Test
    void requiresAComplexityStrategy() {
        assertThrows(NullPointerException.class, () -> new RoutingEngine(null, null));
    }

    @Test
    void requestRefusesANonPositiveAnswerBudget() {
        assertThrows(IllegalArgumentException.class,
                () -> new RoutingRequest("prompt", RoutingFixtures.analysis(0.1), 0, List.of(ECONOMY)));
    }

    @Test
    void withAScorerEveryCandidateIsScoredAndTheRankingStaysTheStrategys() {
        Candidate dearerEconomy = candidate("openai/mini", Tier.ECONOMY, 4e-6);
        RoutingRequest request = request(0.1, ECONOMY, dearerEconomy, PREMIUM);
        RoutingEngine engine = new RoutingEngine(complexity, List.of(),
                new dev.switchboard.routing.scoring.ProviderScorer(dev.switchboard.routing.scoring.ScoringConfig.DEFAULTS));

        RoutingDecision decision = engine.decide(request, false);

        assertEquals(complexity.decide(request).orElseThrow().ranked(), decision.ranked());
        assertEquals(List.of(ECONOMY.label(), dearerEconomy.label(), PREMIUM.label()),
                List.copyOf(decision.scores().keySet()));
        assertTrue(decision.scores().get(ECONOMY.label()).score() > decision.scores().get(dearerEconomy.label()).score(),
                "within a tier, the cheaper deployment scores higher, as it ranks higher");
        assertEquals(-30.0, decision.scores().get(PREMIUM.label()).cost(), "the dearest of its own tier");
    }
}
