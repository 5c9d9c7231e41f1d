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
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.RoutingFixtures.weighted;
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LeastBusyStrategyTest {

    private static final Candidate CHEAP = candidate("azure-east/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate DEAR = candidate("openai/gpt-4o", Tier.PREMIUM, 2e-5);
    private static final Candidate DEAREST = candidate("azure-west/gpt-4o", Tier.PREMIUM, 3e-5);

    private final LeastBusyStrategy strategy = new LeastBusyStrategy();

    private RoutingDecision decide(RoutingRequest request) {
        return strategy.decide(request).orElseThrow();
    }

    @Test
    void isNamedLeastBusy() {
        assertEquals("least-busy", strategy.name());
    }

    @Test
    void ranksByFewestCallsUnderWayWhateverThePrice() {
        RoutingDecision decision = decide(requestFor(CHEAP, DEAR, DEAREST)
                .signals(CHEAP, signals().inFlight(7))
                .signals(DEAR, signals().inFlight(2))
                .signals(DEAREST, signals().inFlight(0))
                .build());

        assertEquals(List.of("azure-west/gpt-4o", "openai/gpt-4o", "azure-east/gpt-4o"), labels(decision.ranked()));
        assertEquals("azure-west/gpt-4o is the least busy (0 calls under way, weight 1)", decision.reasoning());
        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertEquals("least-busy", decision.strategyUsed());
    }

    @Test
    void loadIsRelativeToWeight() {
        Candidate heavy = weighted(DEAREST, 4);

        RoutingDecision decision = decide(requestFor(CHEAP, heavy)
                .signals(CHEAP, signals().inFlight(1))
                .signals(heavy, signals().inFlight(3))
                .build());

        assertEquals(List.of("azure-west/gpt-4o", "azure-east/gpt-4o"), labels(decision.ranked()),
                "3 calls on weight 4 is less busy than 1 call on weight 1");
        assertEquals("azure-west/gpt-4o is the least busy (3 calls under way, weight 4)", decision.reasoning());
    }

    @Test
    void equalLoadRelativeToWeightGoesToTheCheaper() {
        Candidate doubled = weighted(DEAREST, 2);

        RoutingDecision decision = decide(requestFor(doubled, CHEAP)
                .signals(doubled, signals().inFlight(4))
                .signals(CHEAP, signals().inFlight(2))
                .build());

        assertEquals(List.of("azure-east/gpt-4o", "azure-west/gpt-4o"), labels(decision.ranked()));
    }

    @Test
    void anUntrackedDeploymentCountsAsIdleWithLowConfidence() {
        RoutingDecision decision = decide(requestFor(CHEAP, DEAR)
                .signals(CHEAP, signals().inFlight(1))
                .build());

        assertEquals(List.of("openai/gpt-4o", "azure-east/gpt-4o"), labels(decision.ranked()));
        assertEquals("openai/gpt-4o has no load tracked, so it counts as idle", decision.reasoning());
        assertEquals(Confidence.LOW, decision.confidence());
    }

    @Test
    void anUntrackedAndAnIdleTrackedDeploymentTieAndTheCheaperWins() {
        RoutingDecision decision = decide(requestFor(DEAR, CHEAP)
                .signals(DEAR, signals().inFlight(0))
                .build());

        assertEquals(List.of("azure-east/gpt-4o", "openai/gpt-4o"), labels(decision.ranked()));
        assertEquals(Confidence.LOW, decision.confidence(), "the chosen one's load is not tracked");
    }

    @Test
    void declinesWithoutCandidates() {
        assertEquals(Optional.empty(), strategy.decide(request(0.1)));
    }
}
