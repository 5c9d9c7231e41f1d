package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.PROMPT;
import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridStrategyTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate STANDARD = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate[] ALL = {PREMIUM, ECONOMY, STANDARD};

    /** Complexity scores well inside each tier of {@link ComplexityThresholds#DEFAULTS}. */
    private static final double SAYS_ECONOMY = 0.1;
    private static final double SAYS_STANDARD = 0.45;
    private static final double SAYS_PREMIUM = 0.8;

    /** Certainties that, with a probability clear of the boundaries, give each learner confidence. */
    private static final double SURE = 0.9;
    private static final double FAIRLY_SURE = 0.6;
    private static final double UNSURE = 0.4;

    /** Failure probabilities clear of the 0.3 and 0.6 boundaries, for each tier. */
    private static final double LEARNED_ECONOMY = 0.1;
    private static final double LEARNED_STANDARD = 0.45;
    private static final double LEARNED_PREMIUM = 0.85;

    private final ScriptedLearner learner = new ScriptedLearner();
    private final ComplexityStrategy complexity = new ComplexityStrategy(ComplexityThresholds.DEFAULTS);
    private final HybridStrategy hybrid = new HybridStrategy(
            new LearningStrategy(learner, LearningSettings.DEFAULTS), complexity);

    private RoutingDecision decide(double complexityScore, double learnedP, double certainty, Candidate... candidates) {
        learner.answer(PROMPT, learnedP, 500, certainty);
        return hybrid.decide(request(complexityScore, candidates)).orElseThrow();
    }

    private RoutingDecision byComplexity(double complexityScore, Candidate... candidates) {
        return complexity.decide(request(complexityScore, candidates)).orElseThrow();
    }

    @Test
    void isNamedHybrid() {
        assertEquals("hybrid", hybrid.name());
        assertEquals("hybrid", HybridStrategy.NAME);
        assertEquals("hybrid_fallback", HybridStrategy.FALLBACK);
    }

    @ParameterizedTest(name = "complexity {0}, learned {1} -> {2}")
    @CsvSource(textBlock = """
            0.1,  0.1,  gemini/flash
            0.45, 0.45, anthropic/haiku
            0.8,  0.85, openai/gpt-4o
            """)
    void whenBothAgreeTheDecisionIsOfHighConfidence(double complexityScore, double learnedP, String chosen) {
        RoutingDecision decision = decide(complexityScore, learnedP, SURE, ALL);

        assertEquals("hybrid", decision.strategyUsed());
        assertEquals(chosen, decision.chosen().label());
        assertEquals(Confidence.HIGH, decision.confidence());
        assertTrue(decision.reasoning().contains("; the complexity rule agrees; " + chosen
                + " is its cheapest deployment"), decision.reasoning());
    }

    @Test
    void agreementWithAFairlySureLearnerIsStillOfHighConfidence() {
        assertEquals(Confidence.HIGH, decide(SAYS_ECONOMY, LEARNED_ECONOMY, FAIRLY_SURE, ALL).confidence());
    }

    @Test
    void agreementWithAnUnsureLearnerIsOfMediumConfidence() {
        RoutingDecision decision = decide(SAYS_ECONOMY, LEARNED_ECONOMY, UNSURE, ALL);

        assertEquals("hybrid", decision.strategyUsed());
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @Test
    void aDecisionExplainsTheEstimateTheVerdictAndTheChoice() {
        RoutingDecision decision = decide(SAYS_PREMIUM, LEARNED_PREMIUM, SURE, ALL);

        assertEquals("learned failure probability 0.85 (certainty 0.90, 500 outcomes) maps to the premium tier;"
                + " the complexity rule agrees; openai/gpt-4o is its cheapest deployment", decision.reasoning());
        assertEquals(List.of("openai/gpt-4o", "anthropic/haiku", "gemini/flash"), labels(decision.ranked()));
        assertEquals(request(SAYS_PREMIUM, ALL).costUpperBound(PREMIUM), decision.costEstimate());
    }

    @Test
    void oneTierApartAConfidentLearnerIsFollowedWithMediumConfidence() {
        RoutingDecision decision = decide(SAYS_STANDARD, LEARNED_ECONOMY, SURE, ALL);

        assertEquals("hybrid", decision.strategyUsed());
        assertEquals("gemini/flash", decision.chosen().label());
        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertTrue(decision.reasoning().contains("; the complexity rule asks for standard; learning is confident and"
                + " is followed; "), decision.reasoning());
    }

    @Test
    void oneTierApartAConfidentLearnerIsFollowedUpwardsToo() {
        RoutingDecision decision = decide(SAYS_STANDARD, LEARNED_PREMIUM, SURE, ALL);

        assertEquals("openai/gpt-4o", decision.chosen().label());
        assertEquals(Confidence.MEDIUM, decision.confidence());
    }

    @ParameterizedTest(name = "complexity {0}, learned {1}, certainty {2} -> {3} ({4})")
    @CsvSource(textBlock = """
            0.45, 0.1,  0.6, anthropic/haiku, MEDIUM
            0.1,  0.45, 0.6, anthropic/haiku, MEDIUM
            0.8,  0.45, 0.6, openai/gpt-4o,   MEDIUM
            0.45, 0.85, 0.6, openai/gpt-4o,   MEDIUM
            0.45, 0.1,  0.4, anthropic/haiku, LOW
            0.8,  0.45, 0.4, openai/gpt-4o,   LOW
            """)
    void oneTierApartAnUnconfidentLearnerGivesWayToTheStrongerTier(double complexityScore, double learnedP,
                                                                   double certainty, String chosen,
                                                                   Confidence expected) {
        RoutingDecision decision = decide(complexityScore, learnedP, certainty, ALL);
        Tier stronger = Tier.valueOf(chosen.equals("openai/gpt-4o") ? "PREMIUM" : "STANDARD");

        assertEquals("hybrid", decision.strategyUsed());
        assertEquals(chosen, decision.chosen().label());
        assertEquals(expected, decision.confidence(), "the learner's own confidence");
        assertTrue(decision.reasoning().contains("; the stronger tier, " + stronger.wireName() + ", is taken; "),
                decision.reasoning());
    }

    @ParameterizedTest(name = "complexity {0}, learned {1}")
    @CsvSource(textBlock = """
            0.1, 0.85
            0.8, 0.1
            """)
    void twoTiersApartTheComplexityRuleDecidesAsHybridFallbackAndSaysWhy(double complexityScore, double learnedP) {
        RoutingDecision decision = decide(complexityScore, learnedP, SURE, ALL);
        RoutingDecision byRule = byComplexity(complexityScore, ALL);
        String asked = complexity.targetTier(request(complexityScore).analysis()).wireName();
        String learned = LearningSettings.DEFAULTS.tierFor(learnedP).wireName();

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertEquals(byRule.ranked(), decision.ranked());
        assertEquals(byRule.confidence(), decision.confidence());
        assertEquals(byRule.costEstimate(), decision.costEstimate());
        assertEquals("learned failure probability " + Decimals.two(learnedP) + " (certainty 0.90, 500 outcomes) maps"
                + " to the " + learned + " tier, but the complexity rule asks for " + asked + ": too far apart to"
                + " trust learning; complexity rule used: " + byRule.reasoning(), decision.reasoning());
    }

    @Test
    void theVerdictIsReportedAsSeed001sValidation() {
        assertEquals(Validation.VALIDATED, decide(SAYS_PREMIUM, LEARNED_PREMIUM, SURE, ALL).validation());
        assertEquals(Validation.ADJUSTED, decide(SAYS_STANDARD, LEARNED_ECONOMY, SURE, ALL).validation());
        learner.failWith(new IllegalStateException("model state unreadable"));
        assertEquals(Validation.FALLBACK, hybrid.decide(request(SAYS_STANDARD, ALL)).orElseThrow().validation());
        assertEquals("validated", Validation.VALIDATED.wireName());
    }

    @Test
    void aFailingLearnerGivesHybridFallbackNamingTheException() {
        learner.failWith(new IllegalStateException("model state unreadable"));

        RoutingDecision decision = hybrid.decide(request(SAYS_STANDARD, ALL)).orElseThrow();
        RoutingDecision byRule = byComplexity(SAYS_STANDARD, ALL);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertEquals(byRule.ranked(), decision.ranked());
        assertEquals("learning failed (IllegalStateException); complexity rule used: " + byRule.reasoning(),
                decision.reasoning());
    }

    @Test
    void aLearnerWithTooLittleEvidenceGivesHybridFallbackWithItsReason() {
        learner.answer(PROMPT, LEARNED_PREMIUM, 3, SURE);

        RoutingDecision decision = hybrid.decide(request(SAYS_ECONOMY, ALL)).orElseThrow();
        RoutingDecision byRule = byComplexity(SAYS_ECONOMY, ALL);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertEquals(byRule.ranked(), decision.ranked());
        assertEquals(byRule.confidence(), decision.confidence());
        assertEquals("learning has seen 3 outcomes, fewer than the 50 it needs; complexity rule used: "
                + byRule.reasoning(), decision.reasoning());
    }

    @Test
    void aLearnerUnsureOfThePromptGivesHybridFallback() {
        RoutingDecision decision = decide(SAYS_ECONOMY, LEARNED_ECONOMY, 0.1, ALL);

        assertEquals("hybrid_fallback", decision.strategyUsed());
        assertTrue(decision.reasoning().startsWith("learning is unsure of this prompt: "), decision.reasoning());
    }

    @Test
    void aStandInForTheAgreedTierLowersConfidence() {
        RoutingDecision decision = decide(SAYS_PREMIUM, LEARNED_PREMIUM, SURE, ECONOMY, STANDARD);

        assertEquals("hybrid", decision.strategyUsed());
        assertEquals("anthropic/haiku", decision.chosen().label());
        assertEquals(Confidence.LOW, decision.confidence());
        assertTrue(decision.reasoning().endsWith("no premium deployment is available, so anthropic/haiku (standard)"
                + " stands in"), decision.reasoning());
    }

    @Test
    void declinesWithoutCandidatesWithoutAskingTheLearner() {
        assertEquals(Optional.empty(), hybrid.decide(request(SAYS_ECONOMY)));
        assertEquals(List.of(), learner.asked);
    }

    @Test
    void requiresBothStrategies() {
        assertThrows(NullPointerException.class, () -> new HybridStrategy(null, complexity));
        assertThrows(NullPointerException.class,
                () -> new HybridStrategy(new LearningStrategy(learner, LearningSettings.DEFAULTS), null));
    }
}
