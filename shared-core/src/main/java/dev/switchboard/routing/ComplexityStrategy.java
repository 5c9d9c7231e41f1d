package dev.switchboard.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The default strategy (auto_route=false): the complexity score picks a tier, and the cheapest
 * priced deployment of that tier wins, the rest ranked behind it ({@link TierRanking}).
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

    /** The tier the complexity rule asks for. */
    public Tier targetTier(PromptAnalysis analysis) {
        return thresholds.tierFor(analysis.complexity());
    }

    @Override
    public Optional<RoutingDecision> decide(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return Optional.empty();
        }
        PromptAnalysis analysis = request.analysis();
        Tier target = targetTier(analysis);
        List<Candidate> ranked = TierRanking.rank(request.candidates(), target);
        Candidate chosen = ranked.get(0);
        Confidence confidence = chosen.tier() != target || thresholds.nearBoundary(analysis.complexity())
                ? Confidence.LOW : Confidence.MEDIUM;
        String reasoning = analysis.pattern().wireName() + " prompt with complexity "
                + Decimals.two(analysis.complexity()) + " maps to the " + target.wireName() + " tier; "
                + TierRanking.choiceWording(chosen, target);
        return Optional.of(RoutingDecision.ranked(ranked, NAME, confidence, reasoning, request));
    }
}
