package dev.switchboard.routing;

import dev.switchboard.routing.scoring.ProviderScore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router's answer: the chosen deployment, the ranked fallbacks to try after it, which strategy
 * decided, how sure it is, why, what it saw in the prompt, every candidate's multi-factor score by
 * {@link Candidate#label()} (empty when no scorer is installed), and the candidates the request's
 * constraints left out, with their reasons. {@code promptTokens} are the prompt's tokens as routing counted
 * them for the context window and the cost bound; admission reserves the same number.
 */
public record RoutingDecision(Candidate chosen, List<Candidate> fallbacks, String strategyUsed,
                              Confidence confidence, String reasoning, PromptAnalysis analysis,
                              int promptTokens, double costEstimate, Map<String, ProviderScore> scores,
                              List<Exclusion> excluded, Validation validation) {

    /** A decision before scoring and with nothing excluded. */
    public RoutingDecision(Candidate chosen, List<Candidate> fallbacks, String strategyUsed, Confidence confidence,
                           String reasoning, PromptAnalysis analysis, int promptTokens, double costEstimate) {
        this(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, promptTokens, costEstimate, Map.of(),
                List.of(), strategyUsed.endsWith(FALLBACK_SUFFIX) ? Validation.FALLBACK : Validation.NOT_APPLICABLE);
    }

    /** Appended to a strategy's name when it gave way to the complexity rule. */
    public static final String FALLBACK_SUFFIX = "_fallback";

    public RoutingDecision {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(strategyUsed, "strategyUsed");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(validation, "validation");
        if (promptTokens < analysis.tokenCount()) {
            throw new IllegalArgumentException("promptTokens cannot be fewer than the analysed prompt's tokens");
        }
        fallbacks = List.copyOf(fallbacks);
        // Keeps the candidates' order (Map.copyOf would not), and cannot be changed afterwards.
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        excluded = List.copyOf(excluded);
    }

    /**
     * A strategy's decision from its ranking: the first candidate is chosen, the rest are fallbacks,
     * and the cost estimate is the chosen one's upper bound for this request.
     */
    public static RoutingDecision ranked(List<Candidate> ranking, String strategy, Confidence confidence,
                                         String reasoning, RoutingRequest request) {
        if (ranking.isEmpty()) {
            throw new NoCandidatesException(strategy + " strategy ranked no candidate");
        }
        Candidate chosen = ranking.get(0);
        return new RoutingDecision(chosen, ranking.subList(1, ranking.size()), strategy, confidence, reasoning,
                request.analysis(), request.promptTokens(), request.costUpperBound(chosen));
    }

    /** Whether the strategy asked for gave way to the complexity rule (strategy_used ends in "_fallback"). */
    public boolean fellBack() {
        return strategyUsed.endsWith(FALLBACK_SUFFIX);
    }

    /** The chosen deployment followed by its fallbacks: the order in which to call them. */
    public List<Candidate> ranked() {
        List<Candidate> ranked = new ArrayList<>(fallbacks.size() + 1);
        ranked.add(chosen);
        ranked.addAll(fallbacks);
        return Collections.unmodifiableList(ranked);
    }

    /** Under another strategy's name (a fallback's validation follows from the name). */
    public RoutingDecision withStrategy(String strategy, String newReasoning) {
        Validation v = strategy.endsWith(FALLBACK_SUFFIX) ? Validation.FALLBACK : validation;
        return new RoutingDecision(chosen, fallbacks, strategy, confidence, newReasoning, analysis, promptTokens,
                costEstimate, scores, excluded, v);
    }

    public RoutingDecision withValidation(Validation newValidation) {
        return new RoutingDecision(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, promptTokens,
                costEstimate, scores, excluded, newValidation);
    }

    public RoutingDecision withScores(Map<String, ProviderScore> newScores) {
        return new RoutingDecision(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, promptTokens,
                costEstimate, newScores, excluded, validation);
    }

    public RoutingDecision withExcluded(List<Exclusion> newExcluded) {
        return new RoutingDecision(chosen, fallbacks, strategyUsed, confidence, reasoning, analysis, promptTokens,
                costEstimate, scores, newExcluded, validation);
    }

    public RoutingDecision withConfidence(Confidence newConfidence) {
        return new RoutingDecision(chosen, fallbacks, strategyUsed, newConfidence, reasoning, analysis, promptTokens,
                costEstimate, scores, excluded, validation);
    }

    /** The same decision with the candidates in a new order (a re-ranking by the engine). */
    public RoutingDecision reordered(List<Candidate> ranking, String newReasoning, double newCostEstimate) {
        return new RoutingDecision(ranking.get(0), ranking.subList(1, ranking.size()), strategyUsed, confidence,
                newReasoning, analysis, promptTokens, newCostEstimate, scores, excluded, validation);
    }
}
