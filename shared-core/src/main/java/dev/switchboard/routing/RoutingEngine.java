package dev.switchboard.routing;

import dev.switchboard.routing.scoring.ProviderScore;
import dev.switchboard.routing.scoring.ProviderScorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one door into routing. auto_route=false uses the complexity strategy; auto_route=true asks the
 * hybrid strategy and, when it cannot decide (or none is installed), falls back to complexity and
 * says so with strategy_used "hybrid_fallback". It never fails closed while a candidate exists.
 */
public final class RoutingEngine {

    public static final String HYBRID_FALLBACK = "hybrid_fallback";

    private final RoutingStrategy complexity;
    private final RoutingStrategy hybrid;
    private final ProviderScorer scorer;

    /** @param hybrid the auto-route strategy, or null while none is installed */
    public RoutingEngine(RoutingStrategy complexity, RoutingStrategy hybrid) {
        this(complexity, hybrid, null);
    }

    /**
     * @param hybrid the auto-route strategy, or null while none is installed
     * @param scorer scores every candidate so the decision can show why each won or lost; null for none
     */
    public RoutingEngine(RoutingStrategy complexity, RoutingStrategy hybrid, ProviderScorer scorer) {
        this.complexity = Objects.requireNonNull(complexity);
        this.hybrid = hybrid;
        this.scorer = scorer;
    }

    public RoutingDecision decide(RoutingRequest request, boolean autoRoute) {
        // The strategy ranks; the scores explain each candidate. They start to rank once shared health
        // and latency give them something to tell apart beyond price and capabilities.
        RoutingDecision decision = rank(request, autoRoute);
        return scorer == null ? decision : decision.withScores(scores(request));
    }

    /**
     * Cost is scored against the dearest candidate of the same tier: the tier is the strategy's
     * choice, and within a tier the scores then agree with the ranking (cheaper scores higher).
     */
    private Map<String, ProviderScore> scores(RoutingRequest request) {
        double[] dearestByTier = new double[Tier.values().length];
        for (Candidate candidate : request.candidates()) {
            if (candidate.priced()) {
                int tier = candidate.tier().ordinal();
                dearestByTier[tier] = Math.max(dearestByTier[tier], candidate.unitPrice());
            }
        }
        Map<String, ProviderScore> scores = new LinkedHashMap<>();
        for (Candidate candidate : request.candidates()) {
            scores.put(candidate.label(), scorer.score(request.signalsOf(candidate), candidate.unitPrice(),
                    candidate.priced(), dearestByTier[candidate.tier().ordinal()], request.latencyClass()));
        }
        return scores;
    }

    private RoutingDecision rank(RoutingRequest request, boolean autoRoute) {
        if (request.candidates().isEmpty()) {
            throw new NoCandidatesException("no provider deployment is configured");
        }
        if (!autoRoute) {
            return byComplexity(request);
        }
        String why;
        if (hybrid == null) {
            why = "hybrid routing is not installed in this build";
        } else {
            Optional<RoutingDecision> decided;
            try {
                decided = hybrid.decide(request);
                why = hybrid.name() + " strategy could not decide";
            } catch (RuntimeException e) {
                // A failing strategy must not fail the request while the complexity rule can answer.
                decided = Optional.empty();
                why = hybrid.name() + " strategy failed (" + e.getClass().getSimpleName() + ")";
            }
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        RoutingDecision fallback = byComplexity(request);
        return fallback.withStrategy(HYBRID_FALLBACK, why + "; complexity rule used: " + fallback.reasoning());
    }

    private RoutingDecision byComplexity(RoutingRequest request) {
        return complexity.decide(request)
                .orElseThrow(() -> new NoCandidatesException("complexity strategy found no candidate"));
    }
}
