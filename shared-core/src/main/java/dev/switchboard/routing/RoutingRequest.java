package dev.switchboard.routing;

import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.routing.scoring.LatencyClass;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a strategy decides on: the analysed prompt, the answer budget, the candidates on offer, how
 * much the caller cares about latency, and what is known of each candidate (by {@link Candidate#label()};
 * a candidate without an entry counts as {@link DeploymentSignals#unknown()}).
 */
public record RoutingRequest(PromptAnalysis analysis, int maxTokens, List<Candidate> candidates,
                             LatencyClass latencyClass, Map<String, DeploymentSignals> signals) {

    public RoutingRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(latencyClass, "latencyClass");
        candidates = List.copyOf(candidates);
        signals = Map.copyOf(signals);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** A request with medium latency emphasis and nothing known of the candidates yet. */
    public RoutingRequest(PromptAnalysis analysis, int maxTokens, List<Candidate> candidates) {
        this(analysis, maxTokens, candidates, LatencyClass.MEDIUM, Map.of());
    }

    public DeploymentSignals signalsOf(Candidate candidate) {
        return signals.getOrDefault(candidate.label(), DeploymentSignals.unknown());
    }
}
