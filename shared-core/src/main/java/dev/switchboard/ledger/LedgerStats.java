package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * Totals over a period: requests, failures, cache hits, answers by unpriced models, and what the
 * priced answers cost against the baseline.
 */
@Introspected
public record LedgerStats(long requests, long errors, long cacheHits, long fallbacks, long unpriced,
                          BigDecimal intelligentCost, BigDecimal baselineCost) {
}
