package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * GET /insights: a few facts the ledger shows over a period, each with the numbers it rests on and a
 * sentence made from those numbers. A fact the period has no data for is null.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InsightsResponse(int periodDays, @Nullable CheapestWellRated cheapestWellRated,
                               @Nullable EconomyShare economyShare, @Nullable TopFallbackCause topFallbackCause,
                               @Nullable CacheHitRate cacheHitRate) {

    /**
     * The deployment with the lowest mean cost per answer among those whose ratings average
     * {@code minAvgRating}+ over {@code minRatedRequests}+ rated requests ({@code ratings}: each request once).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CheapestWellRated(String provider, String model, double avgRating, long ratings,
                                    double minAvgRating, int minRatedRequests, double avgCostUsd, long pricedAnswers,
                                    long deploymentsMeetingRating, String finding) {
    }

    /** Of the answers whose deployment's tier is recorded (cache hits aside), the economy tier's part. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record EconomyShare(long routedRequests, long economyRequests, double share, String finding) {
    }

    /** The first choice that most often failed into a fallback. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record TopFallbackCause(String deployment, long fallbacksCaused, long fallbacksTotal, String finding) {
    }

    /** Requests the response cache answered, out of those answered at all. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CacheHitRate(long hits, long misses, double hitRate, String finding) {
    }
}
