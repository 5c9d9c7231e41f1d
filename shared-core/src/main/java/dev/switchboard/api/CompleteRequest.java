package dev.switchboard.api;

/**
 * POST /complete as seed 001 defines it. Built only by {@link CompleteRequestParser}, which
 * enforces the bounds, so an instance is always valid.
 */
public record CompleteRequest(String prompt, int maxTokens, boolean autoRoute, String tokenizerId) {

    public static final int DEFAULT_MAX_TOKENS = 1000;
    public static final int MIN_MAX_TOKENS = 1;
    public static final int MAX_MAX_TOKENS = 4000;
}
