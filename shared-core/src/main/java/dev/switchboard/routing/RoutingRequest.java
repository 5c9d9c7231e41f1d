package dev.switchboard.routing;

import dev.switchboard.routing.constraint.RequestConstraints;
import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.routing.scoring.LatencyClass;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a strategy decides on: the prompt and what the analyzer saw in it, the answer budget, the
 * candidates on offer, how much the caller cares about latency, what is known of each candidate (by
 * {@link Candidate#label()}; a candidate without an entry counts as {@link DeploymentSignals#unknown()}),
 * the caller's constraints, the prompt tokens a provider will read and bill (the analysed text's,
 * plus what else the request sends: a chat request's tool definitions and message framing), and
 * whether the decision is only a preview, which must leave no trace in a strategy's state (a
 * round-robin turn is not used up by a look at whose turn it is).
 */
public record RoutingRequest(String prompt, PromptAnalysis analysis, int maxTokens, List<Candidate> candidates,
                             LatencyClass latencyClass, Map<String, DeploymentSignals> signals,
                             RequestConstraints constraints, int promptTokens, boolean preview) {

    public RoutingRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(latencyClass, "latencyClass");
        Objects.requireNonNull(constraints, "constraints");
        candidates = List.copyOf(candidates);
        signals = Map.copyOf(signals);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (promptTokens < analysis.tokenCount()) {
            throw new IllegalArgumentException("promptTokens cannot be fewer than the analysed prompt's tokens");
        }
    }

    /** A request that is routed, not previewed. */
    public RoutingRequest(String prompt, PromptAnalysis analysis, int maxTokens, List<Candidate> candidates,
                          LatencyClass latencyClass, Map<String, DeploymentSignals> signals,
                          RequestConstraints constraints, int promptTokens) {
        this(prompt, analysis, maxTokens, candidates, latencyClass, signals, constraints, promptTokens, false);
    }

    /** A request whose provider reads the analysed prompt and nothing else. */
    public RoutingRequest(String prompt, PromptAnalysis analysis, int maxTokens, List<Candidate> candidates,
                          LatencyClass latencyClass, Map<String, DeploymentSignals> signals,
                          RequestConstraints constraints) {
        this(prompt, analysis, maxTokens, candidates, latencyClass, signals, constraints, analysis.tokenCount());
    }

    /** A request with medium latency emphasis, nothing known of the candidates and no constraints. */
    public RoutingRequest(String prompt, PromptAnalysis analysis, int maxTokens, List<Candidate> candidates) {
        this(prompt, analysis, maxTokens, candidates, LatencyClass.MEDIUM, Map.of(), RequestConstraints.NONE);
    }

    public DeploymentSignals signalsOf(Candidate candidate) {
        return signalsOf(candidate.label());
    }

    /** The signals of the candidate with this {@link Candidate#label()}. */
    public DeploymentSignals signalsOf(String label) {
        return signals.getOrDefault(label, DeploymentSignals.unknown());
    }

    /** The prompt's tokens plus the answer budget: the context window a deployment needs. */
    public int tokensNeeded() {
        return (int) Math.min(Integer.MAX_VALUE, (long) promptTokens + maxTokens);
    }

    /**
     * The context window {@code candidate} needs: the prompt plus the budget, or, for a budget fitted to
     * each deployment, the prompt, a margin for its estimate and the least answer worth sending.
     */
    public int tokensNeeded(Candidate candidate) {
        return constraints.answerBudgetFitted()
                ? (int) Math.min(Integer.MAX_VALUE, Capabilities.windowForFittedBudget(maxTokens, promptTokens))
                : tokensNeeded();
    }

    /** The answer budget {@code candidate} is sent: the caller's, or the default fitted to it. */
    public int answerBudget(Candidate candidate) {
        return candidate.answerBudget(maxTokens, constraints.answerBudgetFitted(), promptTokens);
    }

    /** The most {@code candidate} can charge for this request. */
    public double costUpperBound(Candidate candidate) {
        return candidate.costUpperBound(promptTokens, answerBudget(candidate),
                constraints.needs().contains(Capability.AUDIO));
    }

    /** The same request offering only {@code admitted}. */
    public RoutingRequest withCandidates(List<Candidate> admitted) {
        return new RoutingRequest(prompt, analysis, maxTokens, admitted, latencyClass, signals, constraints,
                promptTokens, preview);
    }

    /** The same request, only previewed. */
    public RoutingRequest asPreview() {
        return new RoutingRequest(prompt, analysis, maxTokens, candidates, latencyClass, signals, constraints,
                promptTokens, true);
    }
}
