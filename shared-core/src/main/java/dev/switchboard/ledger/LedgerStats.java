package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** Totals over a period: requests, failures, cache hits, and what was spent against the baseline. */
@Introspected
public record LedgerStats(long requests, long errors, long cacheHits, long fallbacks,
                          BigDecimal intelligentCost, BigDecimal baselineCost) {
}
