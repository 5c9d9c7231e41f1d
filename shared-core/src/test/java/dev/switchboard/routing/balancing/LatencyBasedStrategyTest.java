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
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyBasedStrategyTest {

    private static final Candidate FAST = candidate("groq/llama", Tier.PREMIUM, 9e-6);
    private static final Candidate MIDDLE = candidate("openai/mini", Tier.ECONOMY, 2e-6);
    private static final Candidate SLOW = candidate("local/llama", Tier.ECONOMY, 1e-6);
    private static final Candidate NEW = candidate("mistral/small", Tier.STANDARD, 5e-6);

    private final LatencyBasedStrategy strategy = new LatencyBasedStrategy();

    private RoutingDecision decide(RoutingRequest request) {
        return strategy.decide(request).orElseThrow();
    }

    @Test
    void isNamedLatencyBased() {
        assertEquals("latency-based", strategy.name());
    }

    @Test
    void ranksByLowestEmaLatencyWhateverThePrice() {
        RoutingDecision decision = decide(requestFor(SLOW, MIDDLE, FAST)
                .signals(SLOW, signals().ema(2_000))
                .signals(MIDDLE, signals().ema(450))
                .signals(FAST, signals().ema(120.4))
                .build());

        assertEquals(List.of("groq/llama", "openai/mini", "local/llama"), labels(decision.ranked()));
        assertEquals("groq/llama has the lowest EMA latency (120 ms)", decision.reasoning());
        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertEquals("latency-based", decision.strategyUsed());
    }

    @Test
    void judgesByTheEmaNotByThePercentiles() {
        RoutingDecision decision = decide(requestFor(SLOW, FAST)
                .signals(SLOW, signals().ema(300).p50(100).p95(200))
                .signals(FAST, signals().ema(250).p50(900).p95(5_000))
                .build());

        assertEquals(List.of("groq/llama", "local/llama"), labels(decision.ranked()));
    }

    @Test
    void anUnmeasuredDeploymentGoesFirstSoThatItGetsMeasured() {
        RoutingDecision decision = decide(requestFor(FAST, NEW)
                .signals(FAST, signals().ema(1))
                .signals(NEW, signals().p95(9_000))
                .build());

        assertEquals(List.of("mistral/small", "groq/llama"), labels(decision.ranked()));
        assertEquals("mistral/small has no latency measured yet, so it is tried first to measure it",
                decision.reasoning());
        assertEquals(Confidence.LOW, decision.confidence());
    }

    @Test
    void aDeploymentWhoseRecentCallsAllFailedGoesLastNotFirst() {
        RoutingDecision decision = decide(requestFor(FAST, NEW)
                .signals(FAST, signals().ema(800).success(1.0))
                .signals(NEW, signals().success(0.0))
                .build());

        assertEquals(List.of("groq/llama", "mistral/small"), labels(decision.ranked()));
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @Test
    void equalLatenciesGoToTheCheaper() {
        RoutingDecision decision = decide(requestFor(FAST, SLOW, MIDDLE)
                .signals(FAST, signals().ema(300))
                .signals(SLOW, signals().ema(300))
                .signals(MIDDLE, signals().ema(300))
                .build());

        assertEquals(List.of("local/llama", "openai/mini", "groq/llama"), labels(decision.ranked()));
    }

    @Test
    void severalUnmeasuredDeploymentsAreTriedCheapestFirst() {
        assertEquals(List.of("local/llama", "openai/mini", "groq/llama"),
                labels(decide(request(0.1, FAST, MIDDLE, SLOW)).ranked()));
    }

    @Test
    void reportsTheChosenOnesCostUpperBound() {
        RoutingRequest request = requestFor(SLOW, FAST).signals(SLOW, signals().ema(900))
                .signals(FAST, signals().ema(100)).build();

        assertEquals(request.costUpperBound(FAST), decide(request).costEstimate());
    }

    @Test
    void declinesWithoutCandidates() {
        assertEquals(Optional.empty(), strategy.decide(request(0.1)));
    }
}
