package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RankingStrategy;
import dev.switchboard.routing.TierRanking;
import dev.switchboard.routing.scoring.DeploymentSignals;

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
        Comparator<Candidate> byLatency = Comparator.comparingDouble(c -> latencyKey(request, c));
        List<Candidate> ranked = request.candidates().stream()
                .sorted(byLatency.thenComparing(TierRanking.PRICE_ORDER))
                .toList();
        Candidate chosen = ranked.get(0);
        Double ema = request.signalsOf(chosen).emaLatencyMs();
        String reasoning = ema != null
                ? chosen.label() + " has the lowest EMA latency (" + Math.round(ema) + " ms)"
                : request.signalsOf(chosen).successRate() == null
                ? chosen.label() + " has no latency measured yet, so it is tried first to measure it"
                : "no deployment has answered lately; " + chosen.label() + " is the cheapest";
        return RoutingDecision.ranked(ranked, NAME, ema == null ? Confidence.LOW : Confidence.MEDIUM,
                reasoning, request);
    }

    /**
     * The EMA latency; a deployment never called comes first, so that it gets measured, and one whose
     * recent calls all failed (called, but no latency) comes last.
     */
    private static double latencyKey(RoutingRequest request, Candidate candidate) {
        DeploymentSignals signals = request.signalsOf(candidate);
        if (signals.emaLatencyMs() != null) {
            return signals.emaLatencyMs();
        }
        return signals.successRate() == null ? 0 : Double.POSITIVE_INFINITY;
    }
}
