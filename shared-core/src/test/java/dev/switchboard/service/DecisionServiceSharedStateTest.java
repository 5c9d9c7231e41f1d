package dev.switchboard.service;

import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.ComplexityThresholds;
import dev.switchboard.routing.LearningSettings;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.StandardStrategies;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions made on the shared state: latency from the snapshot, circuits through the breakers. */
class DecisionServiceSharedStateTest {

    private static final String PROMPT = "What is Python?";
    private static final RoutingPreferences LATENCY = new RoutingPreferences("latency-based", null, null, null,
            List.of(), List.of(), Set.of());

    private final MutableClock clock = new MutableClock();
    private final InMemoryLatencyStore latency = new InMemoryLatencyStore(LatencySettings.defaults(), clock);
    private final InMemoryHealthStore health = new InMemoryHealthStore();
    private final SharedStateParts parts = new SharedStateParts()
            .simulated("alpha", 0, "gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022");
    private final SharedStateParts.Instance instance = parts.instance(latency, health, clock);
    private final DecisionService decisions = new DecisionService(
            new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), new EstimatingTokenCounter()::count),
            StandardStrategies.engine(ComplexityThresholds.DEFAULTS,
                    new LogisticDifficultyLearner(LearnerOptions.DEFAULTS), LearningSettings.DEFAULTS,
                    new SplittableRandom(7)::nextDouble, new ProviderScorer(ScoringConfig.DEFAULTS)),
            parts.candidates(), instance.breakers(), instance.cache());

    private void measured(String label, long millis) {
        latency.record(label, Duration.ofMillis(millis), true, clock.instant());
    }

    @Test
    void theSharedLatencyDecidesTheLatencyBasedRanking() {
        measured("alpha/gpt-4o-mini", 900);
        measured("alpha/gpt-4o", 400);
        measured("alpha/claude-3-5-haiku-20241022", 150);

        RoutingDecision decision = decisions.decide(PROMPT, 100, false, LATENCY, Caller.ANONYMOUS);

        assertEquals("alpha/claude-3-5-haiku-20241022", decision.chosen().label());
        assertTrue(decision.reasoning().contains("lowest EMA latency (150 ms)"), decision.reasoning());
        assertEquals(List.of("alpha/claude-3-5-haiku-20241022", "alpha/gpt-4o", "alpha/gpt-4o-mini"),
                decision.ranked().stream().map(c -> c.label()).toList());
    }

    @Test
    void aCircuitOpenedElsewhereSendsTheDeploymentLast() {
        measured("alpha/gpt-4o-mini", 900);
        measured("alpha/gpt-4o", 400);
        measured("alpha/claude-3-5-haiku-20241022", 150);
        health.publish(CircuitRecord.open("alpha/claude-3-5-haiku-20241022", clock.instant(), CircuitRecord.INSTANCE,
                "UNAVAILABLE"));

        RoutingDecision decision = decisions.decide(PROMPT, 100, false, LATENCY, Caller.ANONYMOUS);

        assertEquals("alpha/gpt-4o", decision.chosen().label());
        assertEquals("alpha/claude-3-5-haiku-20241022", decision.ranked().get(decision.ranked().size() - 1).label());
    }

    @Test
    void latencyRecordedAfterTheSnapshotWaitsForTheMaxAge() {
        measured("alpha/gpt-4o-mini", 100);
        measured("alpha/gpt-4o", 400);
        measured("alpha/claude-3-5-haiku-20241022", 150);
        assertEquals("alpha/gpt-4o-mini", decisions.decide(PROMPT, 100, false, LATENCY, Caller.ANONYMOUS).chosen().label());

        for (int i = 0; i < 20; i++) {
            measured("alpha/gpt-4o-mini", 3000);
        }
        assertEquals("alpha/gpt-4o-mini", decisions.decide(PROMPT, 100, false, LATENCY, Caller.ANONYMOUS).chosen().label(),
                "still the cached copy");
        clock.advance(SharedStateSettings.DEFAULTS.snapshotMaxAge().plusMillis(1));

        assertEquals("alpha/claude-3-5-haiku-20241022", decisions.decide(PROMPT, 100, false, LATENCY, Caller.ANONYMOUS).chosen().label());
    }
}
