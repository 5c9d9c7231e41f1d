package dev.switchboard.api;

/**
 * POST /complete as seed 001 defines it, plus optional routing preferences. Built only by
 * {@link CompleteRequestParser}, which enforces the bounds, so an instance is always valid.
 */
public record CompleteRequest(String prompt, int maxTokens, boolean autoRoute, String tokenizerId,
                              RoutingPreferences routing) {

    /** A request with no routing preferences beyond auto_route. */
    public CompleteRequest(String prompt, int maxTokens, boolean autoRoute, String tokenizerId) {
        this(prompt, maxTokens, autoRoute, tokenizerId, RoutingPreferences.NONE);
    }

    public static final int DEFAULT_MAX_TOKENS = 1000;
    public static final int MIN_MAX_TOKENS = 1;
    public static final int MAX_MAX_TOKENS = 4000;
}
