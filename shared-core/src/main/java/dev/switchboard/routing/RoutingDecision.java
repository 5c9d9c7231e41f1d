package dev.switchboard.routing;

import dev.switchboard.routing.scoring.ProviderScore;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router's answer: the chosen deployment, the ranked fallbacks to try after it, which strategy
 * decided, how sure it is, why, what it saw in the prompt, and every candidate's multi-factor score
 * by {@link Candidate#label()} (empty when no scorer is installed).
 */
public record RoutingDecision(Candidate chosen, List<Candidate> fallbacks, String strategyUsed,
                              Confidence confidence, String reasoning, PromptAnalysis analysis,
                              double costEstimate, Map<String, ProviderScore> scores) {

    /** A decision before scoring. */
    public RoutingDecision(Candidate chosen, List<Candidate> fallbacks, String strategyUsed, Confidence confidence,
                           String reasoning, PromptAnalysis analysis, double costEstimate) {
        this(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, costEstimate, Map.of());
    }

    public RoutingDecision {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(strategyUsed, "strategyUsed");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(analysis, "analysis");
        fallbacks = List.copyOf(fallbacks);
        // Keeps the candidates' order (Map.copyOf would not), and cannot be changed afterwards.
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** The chosen deployment followed by its fallbacks: the order in which to call them. */
    public List<Candidate> ranked() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(chosen), fallbacks.stream()).toList();
    }

    public RoutingDecision withStrategy(String strategy, String newReasoning) {
        return new RoutingDecision(chosen, fallbacks, strategy, confidence, newReasoning, analysis, costEstimate, scores);
    }

    public RoutingDecision withScores(Map<String, ProviderScore> newScores) {
        return new RoutingDecision(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, costEstimate,
                newScores);
    }
}
