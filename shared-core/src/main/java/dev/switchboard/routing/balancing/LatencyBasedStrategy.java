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
 * Latency-based routing (seed 004): the deployment with the lowest EMA latency first. A deployment
 * not measured yet goes first, so that it gets measured rather than starved (LiteLLM does the same);
 * the health probe measures every deployment, so this is rare after start-up. Ties go to the cheaper.
 */
public final class LatencyBasedStrategy extends RankingStrategy {

    public static final String NAME = "latency-based";

    public LatencyBasedStrategy() {
        super(NAME);
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        Comparator<Candidate> byLatency = Comparator.comparingDouble(c -> emaOrZero(request, c));
        List<Candidate> ranked = request.candidates().stream()
                .sorted(byLatency.thenComparing(TierRanking.PRICE_ORDER))
                .toList();
        Candidate chosen = ranked.get(0);
        Double ema = request.signalsOf(chosen).emaLatencyMs();
        String reasoning = ema == null
                ? chosen.label() + " has no latency measured yet, so it is tried first to measure it"
                : chosen.label() + " has the lowest EMA latency (" + Math.round(ema) + " ms)";
        return RoutingDecision.ranked(ranked, NAME, ema == null ? Confidence.LOW : Confidence.MEDIUM,
                reasoning, request);
    }

    private static double emaOrZero(RoutingRequest request, Candidate candidate) {
        Double ema = request.signalsOf(candidate).emaLatencyMs();
        return ema == null ? 0 : ema;
    }
}
