package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** GET /routing/metrics (seed 001): savings against the baseline model, per strategy and per confidence. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RoutingMetricsResponse(CostSavings costSavings, List<ByStrategy> byStrategy,
                                     List<ByConfidence> byConfidence) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CostSavings(double totalSaved, double percentSaved, double intelligentCost,
                              double baselineCost, int periodDays) {
    }

    /** {@code avgCost} is null when none of the strategy's answers has a price. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ByStrategy(String strategy, long count, Double avgCost, double highConfidencePct) {
    }

    /** {@code avgCost} is null when none of these answers has a price. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ByConfidence(String confidence, long count, Double avgCost) {
    }
}
