package dev.switchboard.routing;

import java.util.List;

/**
 * What the analyzer saw in a prompt: its pattern, a complexity score in [0, 1], its token count,
 * and the signals that moved the score, so a decision can be explained.
 */
public record PromptAnalysis(PromptPattern pattern, double complexity, int tokenCount, List<String> signals) {

    public PromptAnalysis {
        if (complexity < 0.0 || complexity > 1.0) {
            throw new IllegalArgumentException("complexity must be in [0, 1]: " + complexity);
        }
        signals = List.copyOf(signals);
    }
}
