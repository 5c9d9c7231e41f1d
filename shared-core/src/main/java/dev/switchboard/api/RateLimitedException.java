package dev.switchboard.api;

import java.time.Duration;

/** 429: the rate limit of the caller's key refused the request; the message names it. */
public final class RateLimitedException extends RefusedUntilException {

    public RateLimitedException(String message, Duration retryAfter) {
        super(429, "rate_limited", message, retryAfter);
    }
}
