package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one provider call settles once it is over.
 *
 * @param reservation   what its admission held; null when it was let through unchecked (state outage, fail-open)
 * @param actualTokens  the tokens it really used (0 for a call that failed before the provider counted any)
 * @param actualCostUsd what it really cost
 * @param deployment    the deployment called
 * @param latency       how long the call took; null when it says nothing about the deployment (the caller left)
 * @param success       whether the deployment answered
 * @param endedAt       when it ended (its latency bucket)
 * @param cacheKey      where to cache the answer; null to cache nothing
 * @param answer        the answer to cache under {@code cacheKey}
 */
public record Settlement(Reservation reservation, long actualTokens, BigDecimal actualCostUsd, String deployment,
                         Duration latency, boolean success, Instant endedAt, CacheKey cacheKey,
                         CachedResponse answer) {

    public Settlement {
        Objects.requireNonNull(actualCostUsd, "actualCostUsd");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(endedAt, "endedAt");
        if ((cacheKey == null) != (answer == null)) {
            throw new IllegalArgumentException("an answer is cached with its key, or neither is given");
        }
        if (actualTokens < 0 || actualCostUsd.signum() < 0) {
            throw new IllegalArgumentException("actual tokens and cost must not be negative");
        }
    }

    public boolean caches() {
        return cacheKey != null;
    }

    public boolean recordsLatency() {
        return latency != null;
    }
}
