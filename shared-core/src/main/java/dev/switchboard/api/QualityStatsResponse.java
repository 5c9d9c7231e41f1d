package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * GET /quality/stats: feedback over a period, overall, per provider and model that answered, and per
 * strategy that routed. {@code feedback} counts submissions; {@code ratings} and {@code qualityScores}
 * count those that gave each; a mean is null (not 0) when none was given.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QualityStatsResponse(int periodDays, long feedback, long ratings, @Nullable Double avgRating,
                                   long qualityScores, @Nullable Double avgQualityScore,
                                   List<ByProvider> byProvider, List<ByStrategy> byStrategy) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ByProvider(String provider, String model, long feedback, long ratings, @Nullable Double avgRating,
                             long qualityScores, @Nullable Double avgQualityScore) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ByStrategy(String strategy, long feedback, long ratings, @Nullable Double avgRating,
                             long qualityScores, @Nullable Double avgQualityScore) {
    }
}
