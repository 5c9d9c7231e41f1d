package dev.switchboard.api;

import java.util.List;
import java.util.Set;

/**
 * How a caller may steer routing beyond seed 001's auto_route: a strategy by name, a latency class
 * (ultra_low, low, medium, high), a cost ceiling in USD for the request, a p95 latency target, lists
 * of providers or deployments to allow or deny, and capabilities the answer needs (tools, vision,
 * streaming, json). Every field is optional; {@link #NONE} leaves routing to its defaults.
 *
 * @param strategy     a routing strategy's name, or null to follow auto_route
 * @param latencyClass a latency class's name, or null for medium
 */
public record RoutingPreferences(String strategy, String latencyClass, Double maxCost, Long slaTargetMs,
                                 List<String> allow, List<String> deny, Set<String> requires) {

    public static final RoutingPreferences NONE = new RoutingPreferences(null, null, null, null, List.of(), List.of(),
            Set.of());
    public static final Set<String> LATENCY_CLASSES = Set.of("ultra_low", "low", "medium", "high");
    public static final Set<String> CAPABILITIES = Set.of("tools", "vision", "streaming", "json", "pdf", "reasoning",
            "audio");
    public static final int MAX_LIST_ITEMS = 50;
    public static final int MAX_NAME_LENGTH = 200;
    public static final double MAX_COST_USD = 1_000_000;
    public static final long MAX_SLA_MS = 600_000;

    public RoutingPreferences {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        requires = Set.copyOf(requires);
        if (latencyClass != null && !LATENCY_CLASSES.contains(latencyClass)) {
            throw new InvalidRequestException("latency_class",
                    "'latency_class' must be one of ultra_low, low, medium, high");
        }
        for (String capability : requires) {
            if (!CAPABILITIES.contains(capability)) {
                throw new InvalidRequestException("requires", "'requires' may hold only tools, vision, streaming, json, "
                        + "pdf, reasoning and audio");
            }
        }
    }
}
