package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * Requests answered per provider and model, with tokens, spend (null when none was priced) and mean latency.
 * {@code cachedTokensIn} and {@code cacheWriteTokensIn} are the parts of {@code tokensIn} the provider read
 * from and wrote to its prompt cache.
 */
@Introspected
public record ProviderStat(String provider, String model, long count, long tokensIn, long tokensOut,
                           @Nullable BigDecimal cost, double avgLatencyMs, long cachedTokensIn,
                           long cacheWriteTokensIn) {
}
