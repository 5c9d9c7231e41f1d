package dev.switchboard.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The default strategy (auto_route=false): the complexity score picks a tier, and the cheapest
 * priced deployment of that tier wins. Fallbacks are the rest of that tier by price, then stronger tiers
 * (a stronger model can always stand in), then weaker ones as a last resort.
 */
public final class ComplexityStrategy implements RoutingStrategy {

    public static final String NAME = "complexity";

    private final ComplexityThresholds thresholds;

    public ComplexityStrategy(ComplexityThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RoutingDecision> decide(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return Optional.empty();
        }
        PromptAnalysis analysis = request.analysis();
        Tier target = thresholds.tierFor(analysis.complexity());
        List<Candidate> ranked = request.candidates().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> tierPreference(target, c.tier()))
                        // A model without a price is not free: it goes after every priced one of its tier.
                        .thenComparing(Candidate::priced, Comparator.reverseOrder())
                        .thenComparingDouble(Candidate::unitPrice)
                        .thenComparing(Candidate::label))
                .toList();
        Candidate chosen = ranked.get(0);
        boolean tierMissing = chosen.tier() != target;
        Confidence confidence = tierMissing || thresholds.nearBoundary(analysis.complexity())
                ? Confidence.LOW : Confidence.MEDIUM;
        String reasoning = analysis.pattern().wireName() + " prompt with complexity "
                + Decimals.two(analysis.complexity()) + " maps to the " + target.wireName() + " tier; "
                + (tierMissing
                        ? "no " + target.wireName() + " deployment is available, so " + chosen.label()
                        + " (" + chosen.tier().wireName() + ") stands in"
                        : chosen.label() + " is its cheapest deployment");
        return Optional.of(new RoutingDecision(chosen, ranked.subList(1, ranked.size()), NAME, confidence,
                reasoning, analysis, chosen.costUpperBound(analysis.tokenCount(), request.maxTokens())));
    }

    /** 0 for the target tier, then stronger tiers nearest first, then weaker tiers nearest first. */
    static int tierPreference(Tier target, Tier tier) {
        int distance = tier.ordinal() - target.ordinal();
        return distance >= 0 ? distance : Tier.values().length + (-distance);
    }
}
