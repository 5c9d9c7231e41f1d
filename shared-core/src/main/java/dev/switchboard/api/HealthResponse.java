package dev.switchboard.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;

/**
 * GET /health: "ok" when every dependency answered, "degraded" otherwise, with each check's result;
 * while the shared state is unreachable, since when, and what requests do meanwhile.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HealthResponse(String status, Map<String, String> checks, int providersConfigured,
                             @Nullable StateOutage stateOutage) {

    /**
     * @param budgets    "open" (requests go on unchecked) or "closed" (refused with 503) while it lasts
     * @param rateLimits likewise for rate limits
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record StateOutage(Instant since, Instant lastFailure, String lastOperation, String budgets,
                              String rateLimits) {
    }
}
