package dev.switchboard.api;

import java.time.Duration;

/**
 * 429: every deployment able to answer has reached its own rate limit for the minute. A capacity
 * problem of the operator's, told apart from a key's own limit ({@link RateLimitedException}), which
 * is the user's.
 */
public final class CapacityExhaustedException extends RefusedUntilException {

    public CapacityExhaustedException(String message, Duration retryAfter) {
        super(429, "capacity_exhausted", message, retryAfter);
    }
}
