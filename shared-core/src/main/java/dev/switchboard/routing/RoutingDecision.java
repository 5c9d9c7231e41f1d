package dev.switchboard.routing;

import java.util.List;
import java.util.Objects;

/**
 * The router's answer: the chosen deployment, the ranked fallbacks to try after it, which strategy
 * decided, how sure it is, why, and what it saw in the prompt.
 */
public record RoutingDecision(Candidate chosen, List<Candidate> fallbacks, String strategyUsed,
                              Confidence confidence, String reasoning, PromptAnalysis analysis,
                              double costEstimate) {

    public RoutingDecision {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(strategyUsed, "strategyUsed");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(analysis, "analysis");
        fallbacks = List.copyOf(fallbacks);
    }

    /** The chosen deployment followed by its fallbacks: the order in which to call them. */
    public List<Candidate> ranked() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(chosen), fallbacks.stream()).toList();
    }

    public RoutingDecision withStrategy(String strategy, String newReasoning) {
        return new RoutingDecision(chosen, fallbacks, strategy, confidence, newReasoning, analysis, costEstimate);
    }
}
