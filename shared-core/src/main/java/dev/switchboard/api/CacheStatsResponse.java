package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * GET /cache/stats: how the response cache did over a period. {@code hitRate} is hits over requests,
 * from 0 to 1, and null (not 0) when there were no requests; {@code baselineCostAvoidedUsd} is what
 * the baseline model would have charged for the answers the cache gave.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CacheStatsResponse(int periodDays, boolean enabled, long ttlSeconds, long hits, long misses,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double hitRate,
                                 double baselineCostAvoidedUsd) {
}
