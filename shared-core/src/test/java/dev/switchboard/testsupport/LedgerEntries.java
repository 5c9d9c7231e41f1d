package dev.switchboard.testsupport;

import dev.switchboard.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builds ledger entries for tests: a successful request with sensible values, varied by withers. */
public record LedgerEntries(Instant at, String strategy, String confidence, String provider, String model,
                            String cost, String baselineCost, String status, boolean fallbackUsed,
                            boolean priced) {

    public static LedgerEntries ok(Instant at) {
        return new LedgerEntries(at, "complexity", "medium", "gemini", "gemini-1.5-flash",
                "0.0000100000", "0.0001000000", LedgerEntry.OK, false, true);
    }

    public LedgerEntries strategy(String strategy, String confidence) {
        return new LedgerEntries(at, strategy, confidence, provider, model, cost, baselineCost, status, fallbackUsed, priced);
    }

    public LedgerEntries costs(String cost, String baselineCost) {
        return new LedgerEntries(at, strategy, confidence, provider, model, cost, baselineCost, status, fallbackUsed,
                priced);
    }

    /** Answered by a model the price table does not know: cost unknown, stored as 0. */
    public LedgerEntries unpriced() {
        return new LedgerEntries(at, strategy, confidence, provider, "mystery-model", "0", "0.0005", status,
                fallbackUsed, false);
    }

    /** A stream cut after its first chunk: an ERROR row that still names its deployment and what it cost. */
    public LedgerEntries unfinished() {
        return new LedgerEntries(at, strategy, confidence, provider, model, cost, baselineCost, LedgerEntry.ERROR,
                fallbackUsed, priced);
    }

    public LedgerEntries failed() {
        return new LedgerEntries(at, strategy, confidence, null, null, "0", "0", LedgerEntry.ERROR, true, true);
    }

    public LedgerEntry build() {
        return build("anonymous");
    }

    /** The row of a request {@code principal} sent. */
    public LedgerEntry build(String principal) {
        return new LedgerEntry(UUID.randomUUID().toString(), at, principal, "complete", strategy, confidence,
                "general", 0.2, provider, model, 10, 40, new BigDecimal(cost), new BigDecimal(baselineCost), priced,
                120, false, fallbackUsed, fallbackUsed ? 2 : 1, status,
                LedgerEntry.OK.equals(status) ? null : "no_provider_available");
    }
}
