package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The learning strategies declining through the engine: the complexity rule decides, with the learner's reason. */
class LearningDeclinesTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final RoutingRequest REQUEST = request(0.1, ECONOMY, PREMIUM);

    private final ComplexityStrategy complexity = new ComplexityStrategy(ComplexityThresholds.DEFAULTS);

    @Test
    void theLearningStrategyDecliningGivesItsReason() {
        LearningStrategy learning = new LearningStrategy(new ScriptedLearner(), LearningSettings.DEFAULTS);
        RoutingDecision byRule = complexity.decide(REQUEST).orElseThrow();

        RoutingDecision decision = new RoutingEngine(complexity, List.of(learning), null).decide(REQUEST, "learning");

        assertEquals("learning_fallback", decision.strategyUsed());
        assertEquals("learning has seen 0 outcomes, fewer than the 50 it needs; complexity rule used: "
                + byRule.reasoning(), decision.reasoning());
    }

    @Test
    void theRealHybridDecliningIsReportedOnceAsHybridFallback() {
        ScriptedLearner learner = new ScriptedLearner();
        HybridStrategy hybrid = new HybridStrategy(new LearningStrategy(learner, LearningSettings.DEFAULTS), complexity);
        RoutingDecision byRule = complexity.decide(REQUEST).orElseThrow();

        RoutingDecision decision = new RoutingEngine(complexity, hybrid).decide(REQUEST, true);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertEquals(byRule.ranked(), decision.ranked());
        assertEquals("learning has seen 0 outcomes, fewer than the 50 it needs; complexity rule used: "
                + byRule.reasoning(), decision.reasoning());
        assertFalse(decision.reasoning().contains("could not decide"), decision.reasoning());
    }
}
