package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RankingStrategy;
import dev.switchboard.routing.TierRanking;

import java.util.List;

/**
 * Cost-based routing (seed 004): the cheapest priced deployment per token first, whatever its tier;
 * unpriced deployments last, since their cost is unknown rather than zero. It does not judge the
 * prompt, so it answers with medium confidence at best.
 */
public final class CostBasedStrategy extends RankingStrategy {

    public static final String NAME = "cost-based";

    public CostBasedStrategy() {
        super(NAME);
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        List<Candidate> ranked = request.candidates().stream().sorted(TierRanking.PRICE_ORDER).toList();
        Candidate chosen = ranked.get(0);
        String reasoning = chosen.priced()
                ? chosen.label() + " is the cheapest deployment per token"
                : "no deployment has a known price; " + chosen.label() + " is first by name";
        return RoutingDecision.ranked(ranked, NAME, chosen.priced() ? Confidence.MEDIUM : Confidence.LOW,
                reasoning, request);
    }
}
