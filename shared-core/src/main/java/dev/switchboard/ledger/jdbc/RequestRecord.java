package dev.switchboard.ledger.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of request_log (V1 to V11 migrations); columns follow the field names in snake case. */
@MappedEntity("request_log")
public record RequestRecord(@Id String id, Instant createdAt, String principal, String endpoint,
                            String strategy, String confidence, String pattern, double complexity,
                            @Nullable String provider, @Nullable String model, int tokensIn, int tokensOut,
                            BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                            boolean cacheHit, boolean fallbackUsed, int attempts,
                            String status, @Nullable String errorType, @Nullable String tier,
                            @Nullable String firstChoice, @Nullable String learnerFeatures,
                            @Nullable String learnerOutcome, @Nullable String learnerNote,
                            @Nullable Boolean cacheAsked, int cachedTokensIn, int cacheWriteTokensIn,
                            @Nullable Long firstChunkMs) {
}
