package dev.switchboard.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One routed request as the ledger keeps it. {@code provider} and {@code model} are null when no
 * deployment answered at all; a stream that broke off or was cancelled after it began names its
 * deployment, with the estimated usage and cost of what was produced. {@code errorType} is null when
 * the request succeeded. No prompt text and no key ever goes in here.
 */
public record LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                          String strategy, String confidence, String pattern, double complexity,
                          String provider, String model, int tokensIn, int tokensOut,
                          BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                          boolean cacheHit, boolean fallbackUsed, int attempts,
                          String status, String errorType) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
}
