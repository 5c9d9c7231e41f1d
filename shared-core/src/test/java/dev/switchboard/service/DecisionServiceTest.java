package dev.switchboard.service;

import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.routing.Exclusion;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionServiceTest {

    private static final String PROMPT = "What is Python?";
    private final CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
    private final DecisionService decisions = fixture.decisions();

    private static RoutingPreferences strategy(String name) {
        return new RoutingPreferences(name, null, null, null, List.of(), List.of(), Set.of());
    }

    private static RoutingPreferences lists(List<String> allow, List<String> deny, Set<String> requires) {
        return new RoutingPreferences(null, null, null, null, allow, deny, requires);
    }

    @Test
    void autoRouteFallsBackToComplexityWhileTheLearnerHasNoData() {
        RoutingDecision decision = decisions.decide(PROMPT, 100, true, RoutingPreferences.NONE, Caller.ANONYMOUS);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertTrue(decision.fellBack());
        assertTrue(decision.reasoning().startsWith("learning has seen 0 outcomes, fewer than the 50 it needs; "
                + "complexity rule used: "), decision.reasoning());
    }

    @Test
    void autoRouteUsesTheHybridOnceTheLearnerHasSeenEnough() {
        for (int i = 0; i < 60; i++) {
            fixture.learner.observe("Prove that the sum of the first " + i + " odd numbers is a perfect square.", true);
            fixture.learner.observe("What is " + i + " plus one?", false);
        }

        RoutingDecision decision = decisions.decide("What is 7 plus one?", 100, true, RoutingPreferences.NONE, Caller.ANONYMOUS);

        assertEquals("hybrid", decision.strategyUsed(), decision.reasoning());
        assertEquals("economy", decision.chosen().tier().wireName());
        assertTrue(decision.reasoning().contains("120 outcomes"), decision.reasoning());
    }

    @Test
    void aNamedStrategyDecidesInsteadOfAutoRoute() {
        RoutingDecision decision = decisions.decide(PROMPT, 100, true, strategy("cost-based"), Caller.ANONYMOUS);

        assertEquals("cost-based", decision.strategyUsed());
        assertEquals("gemini/gemini-1.5-flash", decision.chosen().label(), "the cheapest model per token");
    }

    @Test
    void anUnknownStrategyIsA400NamingTheFieldAndTheKnownNames() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> decisions.decide(PROMPT, 100, false, strategy("fastest"), Caller.ANONYMOUS));

        assertEquals("strategy", e.field());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("complexity") && e.getMessage().contains("round-robin"), e.getMessage());
    }

    @Test
    void deniedDeploymentsAreLeftOutAndShownWithTheirReason() {
        RoutingDecision decision = decisions.decide(PROMPT, 100, false, lists(List.of(), List.of("gemini"), Set.of()), Caller.ANONYMOUS);

        assertEquals("openai/gpt-4o-mini", decision.chosen().label());
        assertEquals(List.of(new Exclusion("gemini/gemini-1.5-flash", "is on the request's deny list")),
                decision.excluded());
        assertFalse(decision.ranked().stream().anyMatch(c -> c.provider().equals("gemini")));
    }

    @Test
    void theExplanationListsExcludedDeployments() {
        DecisionResponse response = decisions.explain(PROMPT, false,
                lists(List.of("anthropic"), List.of(), Set.of()), Caller.ANONYMOUS);

        assertEquals("anthropic", response.decision().provider());
        assertEquals(3, response.metadata().excluded().size());
        assertTrue(response.metadata().excluded().stream()
                .allMatch(e -> e.reason().equals("is not on the request's allow list")));
    }

    @Test
    void whenEveryDeploymentIsExcludedTheCallerGetsA422NamingEachReason() {
        RoutingPreferences tooCheap = new RoutingPreferences(null, null, 0.0, null, List.of(), List.of(), Set.of());

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> decisions.decide(PROMPT, 1000, false, tooCheap, Caller.ANONYMOUS));

        assertEquals(422, e.status());
        assertEquals("no_eligible_deployment", e.type());
        assertTrue(e.getMessage().contains("gemini/gemini-1.5-flash may cost up to $"), e.getMessage());
        assertTrue(e.getMessage().contains("over the request's budget of $0"), e.getMessage());
    }

    @Test
    void aPromptLongerThanEveryContextWindowIsA422() {
        String huge = "word ".repeat(40_000); // about 50,000 tokens; the fixture's windows are 8,192

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> decisions.decide(huge, 1000, false, RoutingPreferences.NONE, Caller.ANONYMOUS));

        assertTrue(e.getMessage().contains("context window of 8192 tokens is smaller than"), e.getMessage());
    }
}
