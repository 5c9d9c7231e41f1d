package dev.switchboard.routing;

import dev.switchboard.routing.learning.FeatureVector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyzer saw in a prompt: its pattern, a complexity score in [0, 1], its token count,
 * and the signals that moved the score, so a decision can be explained; and the difficulty learner's
 * features of the prompt when the analyzer's scan took them (it reads a prompt once for both), so that
 * learning need not read the prompt again. Empty features only cost that second reading.
 */
public record PromptAnalysis(PromptPattern pattern, double complexity, int tokenCount, List<String> signals,
                             Optional<FeatureVector> learnerFeatures) {

    public PromptAnalysis {
        if (complexity < 0.0 || complexity > 1.0) {
            throw new IllegalArgumentException("complexity must be in [0, 1]: " + complexity);
        }
        signals = List.copyOf(signals);
        Objects.requireNonNull(learnerFeatures, "learnerFeatures");
    }

    /** An analysis without the learner's features. */
    public PromptAnalysis(PromptPattern pattern, double complexity, int tokenCount, List<String> signals) {
        this(pattern, complexity, tokenCount, signals, Optional.empty());
    }

    /**
     * What the analyzer saw, as before the learner's features were carried along: they explain no
     * decision (the learner's estimate does), and 22 numbers would crowd logs and recorded decisions.
     */
    @Override
    public String toString() {
        return "PromptAnalysis[pattern=" + pattern + ", complexity=" + complexity + ", tokenCount=" + tokenCount
                + ", signals=" + signals + "]";
    }
}
