package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RankingStrategy;
import dev.switchboard.routing.TierRanking;

import java.util.Comparator;
import java.util.List;

/**
 * Least-busy routing (seed 004): the deployment with the fewest calls under way first, relative to
 * its weight (a deployment of weight 2 is as busy with 2 calls as one of weight 1 with 1). Untracked
 * deployments count as idle. Ties go to the cheaper.
 */
public final class LeastBusyStrategy extends RankingStrategy {

    public static final String NAME = "least-busy";

    public LeastBusyStrategy() {
        super(NAME);
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        Comparator<Candidate> byLoad = Comparator.comparingDouble(c -> inFlight(request, c) / (double) c.weight());
        List<Candidate> ranked = request.candidates().stream()
                .sorted(byLoad.thenComparing(TierRanking.PRICE_ORDER))
                .toList();
        Candidate chosen = ranked.get(0);
        boolean tracked = request.signalsOf(chosen).inFlight() != null;
        String reasoning = tracked
                ? chosen.label() + " is the least busy (" + inFlight(request, chosen) + " calls under way, weight "
                + chosen.weight() + ")"
                : chosen.label() + " has no load tracked, so it counts as idle";
        return RoutingDecision.ranked(ranked, NAME, tracked ? Confidence.MEDIUM : Confidence.LOW,
                reasoning, request);
    }

    private static int inFlight(RoutingRequest request, Candidate candidate) {
        Integer calls = request.signalsOf(candidate).inFlight();
        return calls == null ? 0 : calls;
    }
}
