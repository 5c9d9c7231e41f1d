package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * The response cache's record over a period, from the ledger: requests answered from the cache,
 * requests it was asked for but a provider answered (misses), requests answered without asking it
 * (bypassed: streams and images by address, which it never serves, and while it is switched off), and what the baseline
 * model would have charged for the answers the cache gave. Requests refused or failed are none of
 * these. Rows from before the ledger recorded whether the cache was asked count as misses.
 */
@Introspected
public record CacheStats(long hits, long misses, long bypassed, BigDecimal baselineCostAvoided) {

    public long requests() {
        return hits + misses;
    }
}
