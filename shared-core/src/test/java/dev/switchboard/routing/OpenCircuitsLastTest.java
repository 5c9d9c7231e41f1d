package dev.switchboard.routing;

import dev.switchboard.routing.RoutingFixtures.RequestBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class OpenCircuitsLastTest {

    private static final Candidate A = candidate("a/model", Tier.ECONOMY, 1e-6);
    private static final Candidate B = candidate("b/model", Tier.STANDARD, 4e-6);
    private static final Candidate C = candidate("c/model", Tier.PREMIUM, 1e-5);
    private static final Candidate D = candidate("d/model", Tier.PREMIUM, 2e-5);

    /** A request offering A, B, C and D with the circuits of {@code open} open. */
    private static RoutingRequest withOpen(Candidate... open) {
        RequestBuilder request = requestFor(A, B, C, D);
        for (Candidate candidate : open) {
            request.signals(candidate, signals().open());
        }
        return request.build();
    }

    /** The strategy's ranking A, B, C, D. */
    private static RoutingDecision ranked(RoutingRequest request) {
        return RoutingDecision.ranked(List.of(A, B, C, D), "test", Confidence.MEDIUM, "strategy says so", request);
    }

    @Test
    void withNoCircuitOpenTheDecisionIsUntouched() {
        RoutingRequest request = withOpen();
        RoutingDecision decision = ranked(request);

        assertSame(decision, OpenCircuitsLast.apply(decision, request));
    }

    @Test
    void openDeploymentsMoveBehindTheRestEachGroupKeepingTheStrategysOrder() {
        RoutingRequest request = withOpen(A, C);

        RoutingDecision decision = OpenCircuitsLast.apply(ranked(request), request);

        assertEquals(List.of("b/model", "d/model", "a/model", "c/model"), labels(decision.ranked()));
        assertEquals("strategy says so; a/model has its circuit open, so b/model answers first", decision.reasoning());
        assertEquals(request.costUpperBound(B), decision.costEstimate(), "the estimate follows the new first choice");
        assertEquals("test", decision.strategyUsed());
        assertEquals(Confidence.LOW, decision.confidence(), "a standard deployment answers for the economy one chosen");
    }

    @Test
    void anotherDeploymentOfTheChosenTierFirstKeepsTheConfidence() {
        RoutingRequest request = withOpen(C);
        RoutingDecision before = RoutingDecision.ranked(List.of(C, D, A, B), "test", Confidence.MEDIUM,
                "strategy says so", request);

        RoutingDecision decision = OpenCircuitsLast.apply(before, request);

        assertEquals(List.of("d/model", "a/model", "b/model", "c/model"), labels(decision.ranked()));
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @Test
    void anOpenFallbackMovesBackWithoutChangingTheChoiceOrTheReasoning() {
        RoutingRequest request = withOpen(B);
        RoutingDecision before = ranked(request);

        RoutingDecision decision = OpenCircuitsLast.apply(before, request);

        assertEquals(List.of("a/model", "c/model", "d/model", "b/model"), labels(decision.ranked()));
        assertEquals("strategy says so", decision.reasoning());
        assertEquals(before.costEstimate(), decision.costEstimate());
    }

    @Test
    void whenEveryCircuitIsOpenAllStayInTheStrategysOrder() {
        RoutingRequest request = withOpen(A, B, C, D);
        RoutingDecision decision = ranked(request);

        RoutingDecision after = OpenCircuitsLast.apply(decision, request);

        assertSame(decision, after);
        assertEquals(List.of("a/model", "b/model", "c/model", "d/model"), labels(after.ranked()));
    }
}
