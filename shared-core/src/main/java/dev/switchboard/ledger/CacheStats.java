package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * The response cache's record over a period, from the ledger: requests answered from the cache,
 * requests a provider answered instead (misses, including while the cache is switched off and
 * streams, which the cache never serves), and what the baseline model would have charged for the
 * answers the cache gave. Requests refused or failed are neither.
 */
@Introspected
public record CacheStats(long hits, long misses, BigDecimal baselineCostAvoided) {

    public long requests() {
        return hits + misses;
    }
}
