package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * The response cache's record over a period, from the ledger: requests answered from the cache, the
 * other requests (each looked in the cache first, so each is a miss, including while the cache is
 * switched off), and what the baseline model would have charged for the answers the cache gave.
 */
@Introspected
public record CacheStats(long hits, long misses, BigDecimal baselineCostAvoided) {

    public long requests() {
        return hits + misses;
    }
}
