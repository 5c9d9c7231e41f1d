package dev.switchboard.routing.scoring;

import java.util.List;
import java.util.Map;

/**
 * Seed 000's scoring configuration: an SLA target per latency class (ms) and the weights of latency,
 * cost and SLA compliance, which must sum to about 1.0. Invalid values are refused with the name of
 * the environment variable that carries them.
 */
public record ScoringConfig(long slaUltraLowMs, long slaLowMs, long slaMediumMs, long slaHighMs,
                           double weightLatency, double weightCost, double weightSla) {

    public static final ScoringConfig DEFAULTS = new ScoringConfig(500, 1000, 2000, 5000, 0.3, 0.4, 0.3);
    static final double WEIGHT_SUM_TOLERANCE = 0.05;

    public ScoringConfig {
        positive("SLA_ULTRA_LOW_MS", slaUltraLowMs);
        positive("SLA_LOW_MS", slaLowMs);
        positive("SLA_MEDIUM_MS", slaMediumMs);
        positive("SLA_HIGH_MS", slaHighMs);
        if (!(slaUltraLowMs <= slaLowMs && slaLowMs <= slaMediumMs && slaMediumMs <= slaHighMs)) {
            throw new IllegalArgumentException("SLA_ULTRA_LOW_MS <= SLA_LOW_MS <= SLA_MEDIUM_MS <= SLA_HIGH_MS must "
                    + "hold (got " + slaUltraLowMs + ", " + slaLowMs + ", " + slaMediumMs + ", " + slaHighMs + ")");
        }
        // A fixed order, so that with two bad weights the message always names the same one.
        for (Map.Entry<String, Double> weight : List.of(Map.entry("WEIGHT_LATENCY", weightLatency),
                Map.entry("WEIGHT_COST", weightCost), Map.entry("WEIGHT_SLA", weightSla))) {
            if (!(weight.getValue() >= 0 && weight.getValue() <= 1)) {
                throw new IllegalArgumentException(weight.getKey() + " must be between 0 and 1 (got "
                        + weight.getValue() + ")");
            }
        }
        double sum = weightLatency + weightCost + weightSla;
        if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("WEIGHT_LATENCY + WEIGHT_COST + WEIGHT_SLA must sum to about 1.0 (got "
                    + weightLatency + " + " + weightCost + " + " + weightSla + " = " + sum + ")");
        }
    }

    public long slaTargetMs(LatencyClass latencyClass) {
        return switch (latencyClass) {
            case ULTRA_LOW -> slaUltraLowMs;
            case LOW -> slaLowMs;
            case MEDIUM -> slaMediumMs;
            case HIGH -> slaHighMs;
        };
    }

    private static void positive(String variable, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(variable + " must be a positive number of milliseconds (got " + value + ")");
        }
    }
}
