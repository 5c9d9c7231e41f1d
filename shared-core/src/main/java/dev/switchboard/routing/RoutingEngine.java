package dev.switchboard.routing;

import dev.switchboard.routing.constraint.Admission;
import dev.switchboard.routing.constraint.CandidateFilter;
import dev.switchboard.routing.scoring.ProviderScore;
import dev.switchboard.routing.scoring.ProviderScorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one door into routing. It leaves out candidates that fail the request's constraints (saying
 * why), lets the strategy asked for rank the rest, moves deployments with an open circuit to the
 * back, and scores every candidate so the decision can show why each won or lost. auto_route=false
 * uses the complexity strategy and auto_route=true the hybrid one. A strategy that cannot decide, or
 * fails, gives way to the complexity strategy, and strategy_used says so ("hybrid_fallback" for
 * the hybrid): the engine never fails closed while a candidate meets the constraints.
 */
public final class RoutingEngine {

    public static final String HYBRID_FALLBACK = HybridStrategy.FALLBACK;

    private static final int TIERS = Tier.values().length;

    private final RoutingStrategy complexity;
    private final Map<String, RoutingStrategy> strategies;
    private final ProviderScorer scorer;
    private final List<String> names;

    /** @param hybrid the auto-route strategy, or null while none is installed */
    public RoutingEngine(RoutingStrategy complexity, RoutingStrategy hybrid) {
        this(complexity, hybrid, null);
    }

    /**
     * @param hybrid the auto-route strategy, or null while none is installed
     * @param scorer scores every candidate so the decision can show why each won or lost; null for none
     */
    public RoutingEngine(RoutingStrategy complexity, RoutingStrategy hybrid, ProviderScorer scorer) {
        this(complexity, hybrid == null ? List.of() : List.of(hybrid), scorer);
    }

    /**
     * @param complexity the default strategy, and the one every other falls back to
     * @param others     further strategies, each asked for by its {@link RoutingStrategy#name()}
     * @param scorer     scores every candidate; null for none
     */
    public RoutingEngine(RoutingStrategy complexity, List<RoutingStrategy> others, ProviderScorer scorer) {
        this.complexity = Objects.requireNonNull(complexity);
        Map<String, RoutingStrategy> byName = new LinkedHashMap<>();
        byName.put(ComplexityStrategy.NAME, complexity);
        for (RoutingStrategy strategy : others) {
            if (byName.putIfAbsent(strategy.name(), strategy) != null) {
                throw new IllegalArgumentException("two routing strategies are named '" + strategy.name() + "'");
            }
        }
        this.strategies = byName;
        this.scorer = scorer;
        List<String> accepted = new ArrayList<>(byName.keySet());
        if (!accepted.contains(HybridStrategy.NAME)) {
            accepted.add(HybridStrategy.NAME);
        }
        this.names = List.copyOf(accepted);
    }

    /** The names a request may ask for; "hybrid" is always accepted (it falls back when not installed). */
    public List<String> strategyNames() {
        return names;
    }

    public RoutingDecision decide(RoutingRequest request, boolean autoRoute) {
        return decide(request, autoRoute ? HybridStrategy.NAME : ComplexityStrategy.NAME);
    }

    /**
     * @throws UnknownStrategyException when no strategy has that name
     * @throws NoCandidatesException    when nothing is configured or every candidate fails a constraint
     */
    public RoutingDecision decide(RoutingRequest request, String strategyName) {
        if (strategyName == null || !names.contains(strategyName)) {
            throw new UnknownStrategyException(strategyName, names);
        }
        if (request.candidates().isEmpty()) {
            throw new NoCandidatesException("no provider deployment is configured");
        }
        Admission admission = CandidateFilter.STANDARD.admit(request);
        if (admission.admitted().isEmpty()) {
            throw new NoCandidatesException("no deployment meets the request's constraints: "
                    + admission.excluded().stream().map(e -> e.candidate() + " " + e.reason())
                    .collect(Collectors.joining("; ")), admission.excluded());
        }
        RoutingRequest admitted = admission.excluded().isEmpty() ? request
                : request.withCandidates(admission.admitted());
        OfferedSignals offered = OfferedSignals.of(admitted);
        RoutingDecision decision = rank(admitted, strategyName);
        if (offered.anyCircuitOpen()) {
            decision = OpenCircuitsLast.apply(decision, admitted);
        }
        if (scorer != null) {
            decision = decision.withScores(scores(admitted, offered));
        }
        return admission.excluded().isEmpty() ? decision : decision.withExcluded(admission.excluded());
    }

    private RoutingDecision rank(RoutingRequest request, String strategyName) {
        if (strategyName.equals(ComplexityStrategy.NAME)) {
            return byComplexity(request);
        }
        RoutingStrategy strategy = strategies.get(strategyName);
        if (strategy == null) {
            return fallback(request, strategyName, strategyName + " routing is not installed in this build");
        }
        Optional<RoutingDecision> decided;
        try {
            decided = strategy.decide(request);
        } catch (RuntimeException e) {
            // A failing strategy must not fail the request while the complexity rule can answer.
            return fallback(request, strategyName,
                    strategyName + " strategy failed (" + e.getClass().getSimpleName() + ")");
        }
        if (decided.isPresent()) {
            return decided.get();
        }
        String why;
        try {
            why = strategy.whyDeclined(request);
        } catch (RuntimeException e) {
            why = strategyName + " strategy could not decide";
        }
        return fallback(request, strategyName, why);
    }

    private RoutingDecision fallback(RoutingRequest request, String strategyName, String why) {
        RoutingDecision byRule = byComplexity(request);
        return byRule.withStrategy(strategyName + RoutingDecision.FALLBACK_SUFFIX, why + "; complexity rule used: " + byRule.reasoning());
    }

    private RoutingDecision byComplexity(RoutingRequest request) {
        return complexity.decide(request)
                .orElseThrow(() -> new NoCandidatesException("complexity strategy found no candidate"));
    }

    /**
     * Cost is scored against the dearest candidate of the same tier: the tier is the strategy's
     * choice, and within a tier the scores then agree with the ranking (cheaper scores higher).
     */
    private Map<String, ProviderScore> scores(RoutingRequest request, OfferedSignals offered) {
        List<Candidate> candidates = request.candidates();
        double[] dearestByTier = new double[TIERS];
        for (Candidate candidate : candidates) {
            if (candidate.priced()) {
                int tier = candidate.tier().ordinal();
                dearestByTier[tier] = Math.max(dearestByTier[tier], candidate.unitPrice());
            }
        }
        Map<String, ProviderScore> scores = new LinkedHashMap<>(candidates.size() * 2);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            scores.put(offered.label(i), scorer.score(offered.signals(i), candidate.unitPrice(),
                    candidate.priced(), dearestByTier[candidate.tier().ordinal()], request.latencyClass()));
        }
        return scores;
    }
}
