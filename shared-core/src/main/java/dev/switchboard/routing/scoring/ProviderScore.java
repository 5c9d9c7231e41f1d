package dev.switchboard.routing.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A candidate's score in [0, 100] and each factor's contribution, so that a decision can show why a
 * candidate won or lost. Fields rather than a map: ten of these are made on every routing decision.
 */
public record ProviderScore(double score, double health, double priority, double sla, double performance,
                            double capability, double cost) {

    /** The factors by name, in the seed's order: health, priority, sla, performance, capability, cost. */
    public Map<String, Double> factors() {
        Map<String, Double> factors = new LinkedHashMap<>();
        factors.put("health", health);
        factors.put("priority", priority);
        factors.put("sla", sla);
        factors.put("performance", performance);
        factors.put("capability", capability);
        factors.put("cost", cost);
        return factors;
    }
}
