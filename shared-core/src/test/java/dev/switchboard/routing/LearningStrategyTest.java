package dev.switchboard.routing;

import dev.switchboard.routing.learning.DifficultyEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.PROMPT;
import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningStrategyTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate STANDARD = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate[] ALL = {PREMIUM, ECONOMY, STANDARD};

    private final ScriptedLearner learner = new ScriptedLearner();
    private final LearningStrategy strategy = new LearningStrategy(learner, LearningSettings.DEFAULTS);

    private Optional<RoutingDecision> decide(Candidate... candidates) {
        // The complexity score says economy throughout: learning must not look at it.
        return strategy.decide(request(0.1, candidates));
    }

    @Test
    void isNamedLearning() {
        assertEquals("learning", strategy.name());
    }

    @Test
    void declinesBeforeItHasSeenTheMinimumNumberOfOutcomesAndSaysSo() {
        learner.answer(PROMPT, 0.9, 49, 1.0);

        LearnedAssessment assessment = strategy.assess(PROMPT);

        assertEquals(Optional.empty(), assessment.tier());
        assertEquals(Confidence.LOW, assessment.confidence());
        assertEquals(new DifficultyEstimate(0.9, 49, 1.0), assessment.estimate());
        assertEquals("learning has seen 49 outcomes, fewer than the 50 it needs", assessment.reasoning());
        assertEquals(Optional.empty(), decide(ALL));
    }

    @Test
    void aLearnerThatKnowsNothingDeclines() {
        LearnedAssessment assessment = strategy.assess("never seen");

        assertEquals(Optional.empty(), assessment.tier());
        assertEquals("learning has seen 0 outcomes, fewer than the 50 it needs", assessment.reasoning());
    }

    @Test
    void declinesWhenUnsureOfThePromptAndShowsTheEvidence() {
        learner.answer(PROMPT, 0.85, 400, 0.29);

        LearnedAssessment assessment = strategy.assess(PROMPT);

        assertEquals(Optional.empty(), assessment.tier());
        assertEquals(Confidence.LOW, assessment.confidence());
        assertEquals("learning is unsure of this prompt: learned failure probability 0.85 (certainty 0.29,"
                + " 400 outcomes)", assessment.reasoning());
        assertEquals(Optional.empty(), decide(ALL));
    }

    @Test
    void decidesFromExactlyTheMinimumExamplesAndCertainty() {
        learner.answer(PROMPT, 0.9, 50, 0.3);

        assertEquals(Optional.of(Tier.PREMIUM), strategy.assess(PROMPT).tier());
        assertEquals("openai/gpt-4o", decide(ALL).orElseThrow().chosen().label());
    }

    @ParameterizedTest(name = "p={0} -> {1}")
    @CsvSource(textBlock = """
            0.0,  ECONOMY,  gemini/flash
            0.29, ECONOMY,  gemini/flash
            0.3,  STANDARD, anthropic/haiku
            0.59, STANDARD, anthropic/haiku
            0.6,  PREMIUM,  openai/gpt-4o
            1.0,  PREMIUM,  openai/gpt-4o
            """)
    void theFailureProbabilityPicksTheTierByTheThresholds(double p, Tier tier, String chosen) {
        learner.answer(PROMPT, p, 200, 0.9);

        assertEquals(Optional.of(tier), strategy.assess(PROMPT).tier());
        assertEquals(chosen, decide(ALL).orElseThrow().chosen().label());
    }

    @Test
    void aDecisionRanksByTierAndExplainsTheEstimate() {
        learner.answer(PROMPT, 0.8, 120, 0.9);

        RoutingDecision decision = decide(ALL).orElseThrow();

        assertEquals("learning", decision.strategyUsed());
        assertEquals(List.of("openai/gpt-4o", "anthropic/haiku", "gemini/flash"), labels(decision.ranked()));
        assertEquals(Confidence.HIGH, decision.confidence());
        assertEquals("learned failure probability 0.80 (certainty 0.90, 120 outcomes) maps to the premium tier;"
                + " openai/gpt-4o is its cheapest deployment", decision.reasoning());
        assertEquals(request(0.1, ALL).costUpperBound(PREMIUM), decision.costEstimate());
    }

    @ParameterizedTest(name = "p={0} certainty={1} -> {2}")
    @CsvSource(textBlock = """
            0.1,  0.9, HIGH
            0.1,  0.6, MEDIUM
            0.1,  0.4, LOW
            0.58, 0.9, LOW
            0.52, 0.9, MEDIUM
            """)
    void theDecisionCarriesTheSettingsConfidence(double p, double certainty, Confidence expected) {
        learner.answer(PROMPT, p, 200, certainty);

        assertEquals(expected, strategy.assess(PROMPT).confidence());
        assertEquals(expected, decide(ALL).orElseThrow().confidence());
    }

    @Test
    void aStandInForAMissingTierLowersConfidence() {
        learner.answer(PROMPT, 0.9, 200, 0.95);

        RoutingDecision decision = decide(ECONOMY, STANDARD).orElseThrow();

        assertEquals("anthropic/haiku", decision.chosen().label());
        assertEquals(Confidence.LOW, decision.confidence());
        assertTrue(decision.reasoning().endsWith("; no premium deployment is available, so anthropic/haiku"
                + " (standard) stands in"), decision.reasoning());
    }

    @Test
    void asksTheLearnerAboutTheRequestsPrompt() {
        learner.answer("hard prompt", 0.9, 200, 0.9).answer("easy prompt", 0.05, 200, 0.9);

        assertEquals("openai/gpt-4o",
                strategy.decide(requestFor(ALL).prompt("hard prompt").build()).orElseThrow().chosen().label());
        assertEquals("gemini/flash",
                strategy.decide(requestFor(ALL).prompt("easy prompt").build()).orElseThrow().chosen().label());
        assertEquals(List.of("hard prompt", "easy prompt"), learner.asked);
    }

    @Test
    void declinesWithoutCandidatesWithoutAskingTheLearner() {
        assertEquals(Optional.empty(), decide());
        assertEquals(List.of(), learner.asked);
    }

    @Test
    void declinesAPromptLongerThanTheScanReadsWithoutReadingIt() {
        String longPrompt = "word ".repeat(PromptAnalyzer.SCAN_CHARS / 5 + 1);
        learner.answer(longPrompt, 0.9, 200, 0.95);

        Optional<RoutingDecision> decision = strategy.decide(requestFor(ALL).prompt(longPrompt).build());

        assertEquals(Optional.empty(), decision, "the hybrid falls back to complexity");
        assertEquals(List.of(), learner.asked, "the learner has no features of it and is not asked");
    }

    @Test
    void requiresALearnerAndSettings() {
        assertThrows(NullPointerException.class, () -> new LearningStrategy(null, LearningSettings.DEFAULTS));
        assertThrows(NullPointerException.class, () -> new LearningStrategy(learner, null));
    }
}
