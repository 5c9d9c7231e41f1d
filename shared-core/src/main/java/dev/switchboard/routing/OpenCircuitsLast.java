package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves deployments whose circuit breaker is open behind all others, keeping each group in the
 * strategy's order. They stay in the ranking rather than being dropped: when every circuit is open,
 * trying one is better than refusing the request. When that puts another tier first, the confidence is low.
 */
final class OpenCircuitsLast {

    private OpenCircuitsLast() {
    }

    static RoutingDecision apply(RoutingDecision decision, RoutingRequest request) {
        List<Candidate> ranked = decision.ranked();
        List<Candidate> closed = new ArrayList<>(ranked.size());
        List<Candidate> open = new ArrayList<>(0);
        for (Candidate candidate : ranked) {
            (request.signalsOf(candidate).circuitOpen() ? open : closed).add(candidate);
        }
        if (open.isEmpty() || closed.isEmpty()) {
            return decision;
        }
        closed.addAll(open);
        Candidate chosen = closed.get(0);
        String reasoning = chosen.equals(decision.chosen()) ? decision.reasoning()
                : decision.reasoning() + "; " + decision.chosen().label() + " has its circuit open, so "
                + chosen.label() + " answers first";
        RoutingDecision reordered = decision.reordered(closed, reasoning, request.costUpperBound(chosen));
        // Another tier than the strategy chose answers: as when the tier it wants has no deployment, low confidence.
        return chosen.tier() == decision.chosen().tier() ? reordered : reordered.withConfidence(Confidence.LOW);
    }
}
