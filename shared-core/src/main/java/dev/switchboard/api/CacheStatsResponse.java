package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * GET /cache/stats: how the response cache did over a period. {@code hitRate} is hits over the requests
 * it was asked for (hits and misses), from 0 to 1, and null (not 0) when there were none;
 * {@code bypassed} counts the answers given without asking it (streams, images by address, and while it is off);
 * {@code baselineCostAvoidedUsd} is what the baseline model would have charged for the answers it gave.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CacheStatsResponse(int periodDays, boolean enabled, long ttlSeconds, long hits, long misses, long bypassed,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double hitRate,
                                 double baselineCostAvoidedUsd) {
}
