package dev.switchboard.routing;

import java.util.List;
import java.util.Objects;

/**
 * The default strategy (auto_route=false): the complexity score picks a tier, and the cheapest
 * priced deployment of that tier wins, the rest ranked behind it ({@link TierRanking}).
 */
public final class ComplexityStrategy extends RankingStrategy {

    public static final String NAME = "complexity";

    private final ComplexityThresholds thresholds;

    public ComplexityStrategy(ComplexityThresholds thresholds) {
        super(NAME);
        this.thresholds = Objects.requireNonNull(thresholds);
    }

    /** The tier the complexity rule asks for. */
    public Tier targetTier(PromptAnalysis analysis) {
        return thresholds.tierFor(analysis.complexity());
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        PromptAnalysis analysis = request.analysis();
        Tier target = targetTier(analysis);
        List<Candidate> ranked = TierRanking.rank(request.candidates(), target);
        Candidate chosen = ranked.get(0);
        Confidence confidence = chosen.tier() != target || thresholds.nearBoundary(analysis.complexity())
                ? Confidence.LOW : Confidence.MEDIUM;
        String reasoning = analysis.pattern().wireName() + " prompt with complexity "
                + Decimals.two(analysis.complexity()) + " maps to the " + target.wireName() + " tier; "
                + TierRanking.choiceWording(chosen, target);
        return RoutingDecision.ranked(ranked, NAME, confidence, reasoning, request);
    }
}
