package dev.switchboard.routing.scoring;

import java.util.Objects;

/**
 * Seed 000's multi-factor score of one deployment for one request, from a neutral base of 50:
 * <ul>
 *   <li>health, -50 to +75: -50 with the circuit open, else from the success rate (0 gives -50, 1
 *       gives +75), weighted by the request's latency emphasis; 0 while nothing is measured;</li>
 *   <li>priority, 0 to +20: twice the operator's priority (0 to 10);</li>
 *   <li>SLA compliance, -20 to +20: how far p95 latency is under (or over) the request's SLA target,
 *       scaled by WEIGHT_SLA against its default;</li>
 *   <li>performance, 0 to +15: how far p50 latency is under the SLA target, weighted by the latency
 *       emphasis and by WEIGHT_LATENCY against its default;</li>
 *   <li>capability, 0 to +10: 2.5 for each of tools, vision, streaming and a large context;</li>
 *   <li>cost, -30 to 0: the deployment's price per token relative to the dearest candidate, scaled by
 *       WEIGHT_COST against its default; an unpriced deployment takes the full penalty.</li>
 * </ul>
 * The sum is clamped to [0, 100]. Each factor is reported, rounded to hundredths.
 */
public final class ProviderScorer {

    static final double BASE = 50;

    private final ScoringConfig config;

    public ProviderScorer(ScoringConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    /**
     * @param unitPrice    the deployment's input plus output price per token
     * @param maxUnitPrice the highest unit price among the candidates of this request
     */
    public ProviderScore score(DeploymentSignals signals, double unitPrice, boolean priced, double maxUnitPrice,
                               LatencyClass latencyClass) {
        double target = config.slaTargetMs(latencyClass);
        double emphasis = latencyClass.emphasis();
        double health = round(health(signals, emphasis));
        double priority = round(2.0 * signals.priority());
        double sla = round(signals.p95LatencyMs() == null ? 0
                : clamp(20 * clamp((target - signals.p95LatencyMs()) / target, -1, 1)
                * (config.weightSla() / ScoringConfig.DEFAULTS.weightSla()), -20, 20));
        double performance = round(signals.p50LatencyMs() == null ? 0
                : clamp(15 * clamp(1 - signals.p50LatencyMs() / target, 0, 1) * emphasis
                * (config.weightLatency() / ScoringConfig.DEFAULTS.weightLatency()), 0, 15));
        double capability = round(2.5 * signals.capabilities());
        double cost = round(cost(unitPrice, priced, maxUnitPrice));
        double total = BASE + health + priority + sla + performance + capability + cost;
        return new ProviderScore(round(clamp(total, 0, 100)), health, priority, sla, performance, capability, cost);
    }

    private static double health(DeploymentSignals signals, double emphasis) {
        if (signals.circuitOpen()) {
            return -50;
        }
        if (signals.successRate() == null) {
            return 0;
        }
        return clamp((-50 + 125 * signals.successRate()) * emphasis, -50, 75);
    }

    private double cost(double unitPrice, boolean priced, double maxUnitPrice) {
        if (!priced) {
            return -30;
        }
        if (maxUnitPrice <= 0) {
            return 0;
        }
        return clamp(-30 * (unitPrice / maxUnitPrice) * (config.weightCost() / ScoringConfig.DEFAULTS.weightCost()),
                -30, 0);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
