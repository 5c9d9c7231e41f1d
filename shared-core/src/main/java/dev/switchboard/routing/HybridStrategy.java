package dev.switchboard.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * auto_route=true (seed 001): the learning strategy's tier, validated by the complexity rule. When
 * both agree the decision is of high confidence; one tier apart, a confident learner is followed and
 * an unconfident one gives way to the stronger tier (quality before savings); two tiers apart, or
 * when learning declines or fails, the complexity rule decides and strategy_used says
 * "hybrid_fallback", with the reason.
 */
public final class HybridStrategy implements RoutingStrategy {

    public static final String NAME = "hybrid";
    public static final String FALLBACK = NAME + RoutingDecision.FALLBACK_SUFFIX;

    private final LearningStrategy learning;
    private final ComplexityStrategy complexity;

    public HybridStrategy(LearningStrategy learning, ComplexityStrategy complexity) {
        this.learning = Objects.requireNonNull(learning);
        this.complexity = Objects.requireNonNull(complexity);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RoutingDecision> decide(RoutingRequest request) {
        // The complexity rule decides exactly when there is a candidate; its whole decision (a ranking
        // and its wording) is made only when the hybrid falls back to it.
        if (request.candidates().isEmpty()) {
            return Optional.empty();
        }
        LearnedAssessment learned;
        try {
            learned = learning.assess(request.prompt(), request.analysis());
        } catch (RuntimeException e) {
            // A failing learner must not fail the request while the complexity rule can answer.
            return Optional.of(fallback(request, "learning failed (" + e.getClass().getSimpleName() + ")"));
        }
        if (learned.tier().isEmpty()) {
            return Optional.of(fallback(request, learned.reasoning()));
        }
        Tier byLearning = learned.tier().get();
        Tier byRule = complexity.targetTier(request.analysis());
        int apart = Math.abs(byLearning.ordinal() - byRule.ordinal());
        if (apart > 1) {
            return Optional.of(fallback(request, learned.reasoning() + ", but the complexity rule asks for "
                    + byRule.wireName() + ": too far apart to trust learning"));
        }
        Tier target;
        Confidence confidence;
        String verdict;
        Validation validation = apart == 0 ? Validation.VALIDATED : Validation.ADJUSTED;
        if (apart == 0) {
            target = byLearning;
            confidence = learned.confidence() == Confidence.LOW ? Confidence.MEDIUM : Confidence.HIGH;
            verdict = "the complexity rule agrees";
        } else if (learned.confidence() == Confidence.HIGH) {
            target = byLearning;
            confidence = Confidence.MEDIUM;
            verdict = "the complexity rule asks for " + byRule.wireName() + "; learning is confident and is followed";
        } else {
            target = byLearning.compareTo(byRule) > 0 ? byLearning : byRule;
            confidence = learned.confidence();
            verdict = "the complexity rule asks for " + byRule.wireName() + "; the stronger tier, "
                    + target.wireName() + ", is taken";
        }
        List<Candidate> ranked = TierRanking.rank(request.candidates(), target);
        if (ranked.get(0).tier() != target) {
            confidence = Confidence.LOW;
        }
        return Optional.of(RoutingDecision.ranked(ranked, NAME, confidence, learned.reasoning() + "; " + verdict
                + "; " + TierRanking.choiceWording(ranked.get(0), target), request).withValidation(validation));
    }

    private RoutingDecision fallback(RoutingRequest request, String why) {
        RoutingDecision byComplexity = complexity.decide(request).orElseThrow();
        return byComplexity.withStrategy(FALLBACK, why + "; complexity rule used: " + byComplexity.reasoning());
    }
}
