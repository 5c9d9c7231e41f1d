package dev.switchboard.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One routed request as the ledger keeps it. {@code provider} and {@code model} are null when no
 * deployment answered at all; a stream that broke off or was cancelled after it began names its
 * deployment, with the estimated usage and cost of what was produced. {@code errorType} is null when
 * the request succeeded. No prompt text and no key ever goes in here.
 *
 * @param tier            the answering deployment's tier ("economy", ...), null when none answered or unknown
 * @param firstChoice     the decision's first choice as "provider/model", null when unknown
 * @param learnerFeatures the difficulty learner's features of the prompt, encoded by the service (numbers
 *                        about the prompt's shape, never its words), null when the analysis took none
 */
public record LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                          String strategy, String confidence, String pattern, double complexity,
                          String provider, String model, int tokensIn, int tokensOut,
                          BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                          boolean cacheHit, boolean fallbackUsed, int attempts,
                          String status, String errorType, String tier, String firstChoice,
                          String learnerFeatures) {

    public static final String OK = "ok";
    public static final String ERROR = "error";

    /** A row without the feedback columns (tier, first choice, learner features). */
    public LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                       String strategy, String confidence, String pattern, double complexity,
                       String provider, String model, int tokensIn, int tokensOut,
                       BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                       boolean cacheHit, boolean fallbackUsed, int attempts,
                       String status, String errorType) {
        this(id, createdAt, principal, endpoint, strategy, confidence, pattern, complexity, provider, model,
                tokensIn, tokensOut, cost, baselineCost, priced, latencyMs, cacheHit, fallbackUsed, attempts,
                status, errorType, null, null, null);
    }
}
