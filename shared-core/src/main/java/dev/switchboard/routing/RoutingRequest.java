package dev.switchboard.routing;

import java.util.List;
import java.util.Objects;

/** What a strategy decides on: the analysed prompt, the answer budget and the candidates on offer. */
public record RoutingRequest(PromptAnalysis analysis, int maxTokens, List<Candidate> candidates) {

    public RoutingRequest {
        Objects.requireNonNull(analysis, "analysis");
        candidates = List.copyOf(candidates);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}
