package dev.switchboard.routing;

import dev.switchboard.routing.learning.DifficultyEstimate;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.FeatureVector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes by what has been learned from outcomes: the learner estimates how likely the weak model is
 * to get the prompt wrong, and that probability picks a tier ({@link LearningSettings}). It starts
 * knowing nothing and says so: until the learner has seen enough outcomes, or when it is unsure of
 * a prompt, it declines to decide, and the hybrid strategy then falls back to complexity.
 */
public final class LearningStrategy implements RoutingStrategy {

    public static final String NAME = "learning";

    private final DifficultyLearner learner;
    private final LearningSettings settings;

    public LearningStrategy(DifficultyLearner learner, LearningSettings settings) {
        this.learner = Objects.requireNonNull(learner);
        this.settings = Objects.requireNonNull(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RoutingDecision> decide(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return Optional.empty();
        }
        LearnedAssessment assessment = assess(request.prompt(), request.analysis());
        return assessment.tier().map(target -> {
            List<Candidate> ranked = TierRanking.rank(request.candidates(), target);
            Confidence confidence = ranked.get(0).tier() == target ? assessment.confidence() : Confidence.LOW;
            return RoutingDecision.ranked(ranked, NAME, confidence,
                    assessment.reasoning() + "; " + TierRanking.choiceWording(ranked.get(0), target), request);
        });
    }

    /**
     * The learner's reason, as the hybrid strategy gives it: too few outcomes, unsure, or a prompt too long. Asked
     * again, so a lesson learned in between may have made it sure: then no reason is made up.
     */
    @Override
    public String whyDeclined(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return RoutingStrategy.super.whyDeclined(request);
        }
        LearnedAssessment again = assess(request.prompt(), request.analysis());
        return again.tier().isEmpty() ? again.reasoning() : RoutingStrategy.super.whyDeclined(request);
    }

    /** The learner's view of a prompt: a tier when it is sure enough, and why. */
    public LearnedAssessment assess(String prompt) {
        return assessed(learner.estimate(prompt));
    }

    /**
     * The same, reading the learner's features from the prompt's analysis when its scan took them. A prompt
     * longer than the scan reads has none: the learning strategy declines it rather than read the whole prompt
     * on the request's path, and no outcome of such a prompt ever teaches the learner either (its row records
     * no features).
     */
    public LearnedAssessment assess(String prompt, PromptAnalysis analysis) {
        Optional<FeatureVector> features = analysis.learnerFeatures();
        if (features.isEmpty() && prompt.length() > PromptAnalyzer.SCAN_CHARS) {
            return new LearnedAssessment(Optional.empty(), Confidence.LOW, DifficultyEstimate.unknown(),
                    "learning reads prompts of up to " + PromptAnalyzer.SCAN_CHARS + " characters, and this one is longer");
        }
        return assessed(features.isPresent() ? learner.estimate(prompt, features.get()) : learner.estimate(prompt));
    }

    private LearnedAssessment assessed(DifficultyEstimate estimate) {
        if (estimate.examples() < settings.minExamples()) {
            return new LearnedAssessment(Optional.empty(), Confidence.LOW, estimate, "learning has seen "
                    + estimate.examples() + " outcomes, fewer than the " + settings.minExamples() + " it needs");
        }
        if (estimate.certainty() < settings.minCertainty()) {
            return new LearnedAssessment(Optional.empty(), Confidence.LOW, estimate,
                    "learning is unsure of this prompt: " + evidence(estimate));
        }
        Tier tier = settings.tierFor(estimate.failureProbability());
        return new LearnedAssessment(Optional.of(tier),
                settings.confidence(estimate.failureProbability(), estimate.certainty()), estimate,
                evidence(estimate) + " maps to the " + tier.wireName() + " tier");
    }

    /** The estimate in words; only worded when a reasoning shows it. */
    private static String evidence(DifficultyEstimate estimate) {
        return "learned failure probability " + Decimals.two(estimate.failureProbability())
                + " (certainty " + Decimals.two(estimate.certainty()) + ", " + estimate.examples() + " outcomes)";
    }
}
