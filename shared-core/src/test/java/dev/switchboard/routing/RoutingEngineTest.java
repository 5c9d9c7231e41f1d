package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.routing.balancing.CostBasedStrategy;
import dev.switchboard.routing.balancing.RoundRobinStrategy;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingEngineTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final RoutingRequest REQUEST = request(0.1, ECONOMY, PREMIUM);

    private final ComplexityStrategy complexity = new ComplexityStrategy(ComplexityThresholds.DEFAULTS);

    /** A strategy (the hybrid unless named otherwise) that answers as told and remembers what it was asked. */
    private static final class StubStrategy implements RoutingStrategy {
        private final String name;
        private final Function<RoutingRequest, Optional<RoutingDecision>> answer;
        private final List<RoutingRequest> asked = new ArrayList<>();

        StubStrategy(Function<RoutingRequest, Optional<RoutingDecision>> answer) {
            this("hybrid", answer);
        }

        StubStrategy(String name, Function<RoutingRequest, Optional<RoutingDecision>> answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<RoutingDecision> decide(RoutingRequest request) {
            asked.add(request);
            return answer.apply(request);
        }
    }

    private static RoutingDecision hybridPicksPremium(RoutingRequest request) {
        return new RoutingDecision(PREMIUM, List.of(ECONOMY), "hybrid", Confidence.HIGH, "learned", request.analysis(),
                request.promptTokens(), 0.02);
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
                new ProviderScorer(ScoringConfig.DEFAULTS));

        RoutingDecision decision = engine.decide(request, false);

        assertEquals(complexity.decide(request).orElseThrow().ranked(), decision.ranked());
        assertEquals(List.of(ECONOMY.label(), dearerEconomy.label(), PREMIUM.label()),
                List.copyOf(decision.scores().keySet()));
        assertTrue(decision.scores().get(ECONOMY.label()).score() > decision.scores().get(dearerEconomy.label()).score(),
                "within a tier, the cheaper deployment scores higher, as it ranks higher");
        assertEquals(-30.0, decision.scores().get(PREMIUM.label()).cost(), "the dearest of its own tier");
    }

    // --- Strategies by name ---

    private static final Candidate STANDARD = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);

    private RoutingEngine withBalancing() {
        return new RoutingEngine(complexity, List.of(new CostBasedStrategy(), new RoundRobinStrategy()), null);
    }

    @Test
    void acceptsComplexityEveryInstalledStrategyAndAlwaysHybridByName() {
        assertEquals(List.of("complexity", "cost-based", "round-robin", "hybrid"), withBalancing().strategyNames());
        assertEquals(List.of("complexity", "hybrid"),
                new RoutingEngine(complexity, new StubStrategy(r -> Optional.empty())).strategyNames(),
                "an installed hybrid is listed once");
        assertEquals(List.of("complexity", "hybrid"), new RoutingEngine(complexity, null).strategyNames());
    }

    @Test
    void theStrategyAskedForByNameDecides() {
        RoutingRequest request = request(0.8, PREMIUM, ECONOMY);

        RoutingDecision decision = withBalancing().decide(request, "cost-based");

        assertEquals("cost-based", decision.strategyUsed());
        assertEquals(new CostBasedStrategy().decide(request).orElseThrow(), decision);
        assertSame(ECONOMY, decision.chosen(), "cheapest, though the complexity rule would take premium");
    }

    @Test
    void complexityByNameIsTheSameAsWithoutAutoRoute() {
        RoutingEngine engine = withBalancing();

        assertEquals(engine.decide(REQUEST, false), engine.decide(REQUEST, "complexity"));
        assertEquals(engine.decide(REQUEST, true), engine.decide(REQUEST, "hybrid"));
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownNames() {
        UnknownStrategyException e = assertThrows(UnknownStrategyException.class,
                () -> withBalancing().decide(REQUEST, "fastest"));

        assertEquals("unknown routing strategy 'fastest'; known: complexity, cost-based, round-robin, hybrid",
                e.getMessage());
        assertTrue(e instanceof IllegalArgumentException, "a bad request, not a server failure");
    }

    @Test
    void noNameIsRefusedAsUnknown() {
        assertThrows(UnknownStrategyException.class, () -> withBalancing().decide(REQUEST, (String) null));
    }

    @Test
    void anUnknownNameIsRefusedEvenWithoutCandidates() {
        assertThrows(UnknownStrategyException.class, () -> withBalancing().decide(request(0.1), "Cost-Based"));
    }

    @Test
    void refusesTwoStrategiesOfOneName() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new RoutingEngine(
                complexity, List.of(new CostBasedStrategy(), new CostBasedStrategy()), null));
        IllegalArgumentException shadowing = assertThrows(IllegalArgumentException.class, () -> new RoutingEngine(
                complexity, List.of(new StubStrategy("complexity", r -> Optional.empty())), null));

        assertEquals("two routing strategies are named 'cost-based'", twice.getMessage());
        assertEquals("two routing strategies are named 'complexity'", shadowing.getMessage());
    }

    // --- Constraints ---

    @Test
    void candidatesFailingAConstraintAreLeftOutAndTheDecisionSaysWhy() {
        StubStrategy costBased = new StubStrategy("cost-based", r -> new CostBasedStrategy().decide(r));
        RoutingEngine engine = new RoutingEngine(complexity, List.of(costBased), new ProviderScorer(ScoringConfig.DEFAULTS));
        RoutingRequest request = requestFor(ECONOMY, STANDARD, PREMIUM).complexity(0.8)
                .constraints(constraints().deny("gemini")).build();

        RoutingDecision decision = engine.decide(request, "cost-based");

        assertEquals(List.of("anthropic/haiku", "openai/gpt-4o"), labels(decision.ranked()));
        assertEquals(List.of(new Exclusion("gemini/flash", "is on the request's deny list")), decision.excluded());
        assertEquals(List.of(STANDARD, PREMIUM), costBased.asked.get(0).candidates(),
                "the strategy only sees the admitted candidates");
        assertEquals(List.of("anthropic/haiku", "openai/gpt-4o"), List.copyOf(decision.scores().keySet()));
    }

    @Test
    void aDecisionWithNothingExcludedSaysSo() {
        assertEquals(List.of(), new RoutingEngine(complexity, null).decide(REQUEST, false).excluded());
    }

    @Test
    void whenEveryCandidateFailsAConstraintNoCandidatesCarriesEveryExclusion() {
        StubStrategy hybrid = new StubStrategy(r -> Optional.of(hybridPicksPremium(r)));
        RoutingRequest request = requestFor(ECONOMY, PREMIUM).constraints(constraints().allow("anthropic")).build();

        NoCandidatesException e = assertThrows(NoCandidatesException.class,
                () -> new RoutingEngine(complexity, hybrid).decide(request, true));

        assertEquals(List.of(new Exclusion("gemini/flash", "is not on the request's allow list"),
                new Exclusion("openai/gpt-4o", "is not on the request's allow list")), e.exclusions());
        assertEquals("no deployment meets the request's constraints: gemini/flash is not on the request's allow"
                + " list; openai/gpt-4o is not on the request's allow list", e.getMessage());
        assertEquals(List.of(), hybrid.asked);
    }

    @Test
    void noConfiguredCandidatesCarriesNoExclusions() {
        NoCandidatesException e = assertThrows(NoCandidatesException.class,
                () -> new RoutingEngine(complexity, null).decide(request(0.1), false));

        assertEquals(List.of(), e.exclusions());
    }

    // --- Open circuits ---

    @Test
    void anOpenCircuitGoesLastAndTheNextAnswersFirst() {
        RoutingRequest request = requestFor(ECONOMY, PREMIUM).signals(ECONOMY, signals().open()).build();
        RoutingDecision byRule = complexity.decide(request).orElseThrow();

        RoutingDecision decision = new RoutingEngine(complexity, null).decide(request, false);

        assertEquals(List.of(PREMIUM, ECONOMY), decision.ranked());
        assertEquals(byRule.reasoning() + "; gemini/flash has its circuit open, so openai/gpt-4o answers first",
                decision.reasoning());
        assertEquals(request.costUpperBound(PREMIUM), decision.costEstimate());
        assertEquals("complexity", decision.strategyUsed());
    }

    @Test
    void whenEveryCircuitIsOpenAllStayInTheStrategysOrder() {
        RoutingRequest request = requestFor(ECONOMY, PREMIUM)
                .signals(ECONOMY, signals().open()).signals(PREMIUM, signals().open()).build();

        RoutingDecision decision = new RoutingEngine(complexity, null).decide(request, false);

        assertEquals(complexity.decide(request).orElseThrow(), decision);
    }

    @Test
    void openCircuitsGoLastWhicheverStrategyDecides() {
        RoutingRequest request = requestFor(ECONOMY, PREMIUM).signals(ECONOMY, signals().open()).build();

        RoutingDecision decision = withBalancing().decide(request, "cost-based");

        assertEquals(List.of(PREMIUM, ECONOMY), decision.ranked());
        assertEquals("cost-based", decision.strategyUsed());
    }

    // --- Fallbacks ---

    @Test
    void aNamedStrategyThatCannotDecideFallsBackAsNameUnderscoreFallback() {
        StubStrategy undecided = new StubStrategy("cost-based", r -> Optional.empty());
        RoutingRequest request = request(0.8, ECONOMY, PREMIUM);
        RoutingDecision byRule = complexity.decide(request).orElseThrow();

        RoutingDecision decision = new RoutingEngine(complexity, List.of(undecided), null).decide(request, "cost-based");

        assertEquals("cost-based_fallback", decision.strategyUsed());
        assertEquals(byRule.ranked(), decision.ranked());
        assertEquals(byRule.confidence(), decision.confidence());
        assertEquals("cost-based strategy could not decide; complexity rule used: " + byRule.reasoning(),
                decision.reasoning());
        assertEquals(List.of(request), undecided.asked);
    }

    @Test
    void aNamedStrategyThatThrowsFallsBackNamingTheException() {
        StubStrategy failing = new StubStrategy("round-robin", r -> {
            throw new ArithmeticException("/ by zero");
        });
        RoutingRequest request = request(0.8, ECONOMY, PREMIUM);

        RoutingDecision decision = new RoutingEngine(complexity, List.of(failing), null).decide(request, "round-robin");

        assertEquals("round-robin_fallback", decision.strategyUsed());
        assertSame(PREMIUM, decision.chosen());
        assertEquals("round-robin strategy failed (ArithmeticException); complexity rule used: "
                + complexity.decide(request).orElseThrow().reasoning(), decision.reasoning());
    }

    @Test
    void aFallbackStillCarriesTheExclusionsAndPutsOpenCircuitsLast() {
        StubStrategy undecided = new StubStrategy("cost-based", r -> Optional.empty());
        RoutingRequest request = requestFor(ECONOMY, STANDARD, PREMIUM).complexity(0.1)
                .constraints(constraints().deny("anthropic/haiku"))
                .signals(ECONOMY, signals().open()).build();

        RoutingDecision decision = new RoutingEngine(complexity, List.of(undecided), null).decide(request, "cost-based");

        assertEquals("cost-based_fallback", decision.strategyUsed());
        assertEquals(List.of(PREMIUM, ECONOMY), decision.ranked());
        assertEquals(List.of(new Exclusion("anthropic/haiku", "is on the request's deny list")), decision.excluded());
        assertTrue(decision.reasoning().startsWith("cost-based strategy could not decide; complexity rule used: "),
                decision.reasoning());
        assertTrue(decision.reasoning().endsWith("; gemini/flash has its circuit open, so openai/gpt-4o answers first"),
                decision.reasoning());
    }
}
