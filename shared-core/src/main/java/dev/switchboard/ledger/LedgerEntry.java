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
 * @param learnerOutcome  {@link FeedbackEntry#WEAK_FAILED} when the answer itself showed that the economy
 *                        model failed the prompt (an observed failure), null otherwise
 * @param learnerNote     why, in a few words (never the prompt's or the answer's text), null without an outcome
 * @param cacheAsked      whether the response cache was looked up for an answered request (false: a stream,
 *                        or the cache switched off), null when not recorded (a failed request, an older row)
 * @param cachedTokensIn  the part of {@code tokensIn} the provider read from its prompt cache
 * @param cacheWriteTokensIn the part of {@code tokensIn} the provider wrote to its prompt cache; both 0 on a
 *                        response-cache hit, where no provider was called
 * @param firstChunkMs    for a stream, the milliseconds from the request's arrival to its first chunk sent to the
 *                        caller (the time to first token as the caller felt it); null for a whole answer, a stream
 *                        that sent nothing, and rows from before it was kept
 */
public record LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                          String strategy, String confidence, String pattern, double complexity,
                          String provider, String model, int tokensIn, int tokensOut,
                          BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                          boolean cacheHit, boolean fallbackUsed, int attempts,
                          String status, String errorType, String tier, String firstChoice,
                          String learnerFeatures, String learnerOutcome, String learnerNote, Boolean cacheAsked,
                          int cachedTokensIn, int cacheWriteTokensIn, Long firstChunkMs) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    /** The tier whose answers teach the learner (routing's Tier.ECONOMY, by its wire name). */
    static final String ECONOMY = "economy";

    public LedgerEntry {
        if ((learnerOutcome == null) != (learnerNote == null)) {
            throw new IllegalArgumentException("a learner outcome and its note go together");
        }
        // The learner estimates how the economy tier does on a prompt it has the features of, from a fresh answer.
        if (learnerOutcome != null && !(OK.equals(status) && !cacheHit && ECONOMY.equals(tier)
                && learnerFeatures != null)) {
            throw new IllegalArgumentException("only a fresh economy answer with learner features carries a lesson");
        }
        if (cachedTokensIn < 0 || cacheWriteTokensIn < 0 || (long) cachedTokensIn + cacheWriteTokensIn > tokensIn) {
            throw new IllegalArgumentException("prompt-cache tokens are a part of the input tokens");
        }
        if (cacheHit && cachedTokensIn + cacheWriteTokensIn > 0) {
            throw new IllegalArgumentException("a response-cache hit called no provider and used no prompt cache");
        }
        if (firstChunkMs != null && provider == null) {
            throw new IllegalArgumentException("a first chunk came from a deployment");
        }
    }

    /** A row without a first chunk's time (a whole answer, a failure, a row from before it was kept). */
    public LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                       String strategy, String confidence, String pattern, double complexity,
                       String provider, String model, int tokensIn, int tokensOut,
                       BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                       boolean cacheHit, boolean fallbackUsed, int attempts,
                       String status, String errorType, String tier, String firstChoice,
                       String learnerFeatures, String learnerOutcome, String learnerNote, Boolean cacheAsked,
                       int cachedTokensIn, int cacheWriteTokensIn) {
        this(id, createdAt, principal, endpoint, strategy, confidence, pattern, complexity, provider, model,
                tokensIn, tokensOut, cost, baselineCost, priced, latencyMs, cacheHit, fallbackUsed, attempts,
                status, errorType, tier, firstChoice, learnerFeatures, learnerOutcome, learnerNote, cacheAsked,
                cachedTokensIn, cacheWriteTokensIn, null);
    }

    /** A row that does not say whether the response cache was asked, without prompt-cache tokens. */
    public LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                       String strategy, String confidence, String pattern, double complexity,
                       String provider, String model, int tokensIn, int tokensOut,
                       BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                       boolean cacheHit, boolean fallbackUsed, int attempts,
                       String status, String errorType, String tier, String firstChoice,
                       String learnerFeatures, String learnerOutcome, String learnerNote) {
        this(id, createdAt, principal, endpoint, strategy, confidence, pattern, complexity, provider, model,
                tokensIn, tokensOut, cost, baselineCost, priced, latencyMs, cacheHit, fallbackUsed, attempts,
                status, errorType, tier, firstChoice, learnerFeatures, learnerOutcome, learnerNote, null, 0, 0);
    }

    /** A row that taught the learner nothing by itself (no observed failure). */
    public LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                       String strategy, String confidence, String pattern, double complexity,
                       String provider, String model, int tokensIn, int tokensOut,
                       BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                       boolean cacheHit, boolean fallbackUsed, int attempts,
                       String status, String errorType, String tier, String firstChoice,
                       String learnerFeatures) {
        this(id, createdAt, principal, endpoint, strategy, confidence, pattern, complexity, provider, model,
                tokensIn, tokensOut, cost, baselineCost, priced, latencyMs, cacheHit, fallbackUsed, attempts,
                status, errorType, tier, firstChoice, learnerFeatures, null, null);
    }

    /** A row without the feedback columns (tier, first choice, learner features). */
    public LedgerEntry(String id, Instant createdAt, String principal, String endpoint,
                       String strategy, String confidence, String pattern, double complexity,
                       String provider, String model, int tokensIn, int tokensOut,
                       BigDecimal cost, BigDecimal baselineCost, boolean priced, long latencyMs,
                       boolean cacheHit, boolean fallbackUsed, int attempts,
                       String status, String errorType) {
        this(id, createdAt, principal, endpoint, strategy, confidence, pattern, complexity, provider, model,
                tokensIn, tokensOut, cost, baselineCost, priced, latencyMs, cacheHit, fallbackUsed, attempts,
                status, errorType, null, null, null, null, null);
    }
}
