package dev.switchboard.routing;

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

    /** @param hybrid the auto-route strategy, or null while none is installed */
    public RoutingEngine(RoutingStrategy complexity, RoutingStrategy hybrid) {
        this.complexity = Objects.requireNonNull(complexity);
        this.hybrid = hybrid;
    }

    public RoutingDecision decide(RoutingRequest request, boolean autoRoute) {
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
