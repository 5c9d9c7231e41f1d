package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RoutingStrategy;
import dev.switchboard.routing.TierRanking;

import java.util.List;
import java.util.Optional;

/**
 * Cost-based routing (seed 004): the cheapest priced deployment per token first, whatever its tier;
 * unpriced deployments last, since their cost is unknown rather than zero. It does not judge the
 * prompt, so it answers with medium confidence at best.
 */
public final class CostBasedStrategy implements RoutingStrategy {

    public static final String NAME = "cost-based";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RoutingDecision> decide(RoutingRequest request) {
        if (request.candidates().isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> ranked = request.candidates().stream().sorted(TierRanking.PRICE_ORDER).toList();
        Candidate chosen = ranked.get(0);
        String reasoning = chosen.priced()
                ? chosen.label() + " is the cheapest deployment per token"
                : "no deployment has a known price; " + chosen.label() + " is first by name";
        return Optional.of(RoutingDecision.ranked(ranked, NAME, chosen.priced() ? Confidence.MEDIUM : Confidence.LOW,
                reasoning, request));
    }
}
