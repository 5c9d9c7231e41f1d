package dev.switchboard.api;

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

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ByStrategy(String strategy, long count, double avgCost, double highConfidencePct) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ByConfidence(String confidence, long count, double avgCost) {
    }
}
