package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;

/**
 * GET /stats: what the ledger holds over a period, overall and per provider and model. Costs cover
 * priced answers only; {@code unpricedRequests} counts the answers whose cost is unknown. {@code errorsByType}
 * splits {@code errors} by the error type each failed request was answered with, the most frequent first.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StatsResponse(int periodDays, long totalRequests, long errors, Map<String, Long> errorsByType,
                            long cacheHits, long fallbacks, long unpricedRequests,
                            double totalCost, double baselineCost, List<ByProvider> byProvider) {

    /**
     * {@code cost} covers the priced answers, and is null when none of them has a price. {@code cachedTokensIn}
     * and {@code cacheWriteTokensIn} are the parts of {@code tokensIn} the provider read from and wrote to its
     * prompt cache.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ByProvider(String provider, String model, long count, long tokensIn, long tokensOut,
                             Double cost, double avgLatencyMs, long cachedTokensIn, long cacheWriteTokensIn) {
    }
}
