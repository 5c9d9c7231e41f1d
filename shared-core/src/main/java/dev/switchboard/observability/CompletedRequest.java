package dev.switchboard.observability;

import dev.switchboard.ledger.LedgerEntry;

import java.util.Objects;
import java.util.Set;

/**
 * What the log and the metrics say about one finished request: its routing decision and outcome,
 * taken from its ledger row. Names from configuration and numbers only: never a key or prompt text.
 *
 * @param fallbacks how many deployments were tried before the one that answered (or, when none
 *                  answered, before the last one tried)
 * @param ledgered  whether the ledger took the row at once (false: parked in the outbox, or lost)
 * @param cachedTokensIn     the part of {@code tokensIn} the provider read from its prompt cache
 * @param cacheWriteTokensIn the part of {@code tokensIn} the provider wrote to its prompt cache
 * @param firstChunkMs       a stream's time from the request's arrival to its first chunk sent; null otherwise
 */
public record CompletedRequest(String requestId, String endpoint, String status, String errorType,
                               String provider, String model, String tier, String strategy, String confidence,
                               double complexity, int fallbacks, boolean cacheHit, double costUsd, boolean priced,
                               int tokensIn, int tokensOut, int cachedTokensIn, int cacheWriteTokensIn,
                               long latencyMs, String principal, boolean ledgered, Long firstChunkMs) {

    public CompletedRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        if (fallbacks < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("fallbacks and latency are never negative");
        }
    }

    /** A request with no first chunk's time: a whole answer or a failure. */
    public CompletedRequest(String requestId, String endpoint, String status, String errorType, String provider,
                            String model, String tier, String strategy, String confidence, double complexity,
                            int fallbacks, boolean cacheHit, double costUsd, boolean priced, int tokensIn,
                            int tokensOut, int cachedTokensIn, int cacheWriteTokensIn, long latencyMs,
                            String principal, boolean ledgered) {
        this(requestId, endpoint, status, errorType, provider, model, tier, strategy, confidence, complexity,
                fallbacks, cacheHit, costUsd, priced, tokensIn, tokensOut, cachedTokensIn, cacheWriteTokensIn,
                latencyMs, principal, ledgered, null);
    }

    public static CompletedRequest of(LedgerEntry row, boolean ledgered) {
        return new CompletedRequest(row.id(), row.endpoint(), row.status(), row.errorType(), row.provider(),
                row.model(), row.tier(), row.strategy(), row.confidence(), row.complexity(),
                Math.max(0, row.attempts() - 1), row.cacheHit(), row.cost() == null ? 0 : row.cost().doubleValue(),
                row.priced(), row.tokensIn(), row.tokensOut(), row.cachedTokensIn(), row.cacheWriteTokensIn(),
                Math.max(0, row.latencyMs()), row.principal(), ledgered, row.firstChunkMs());
    }

    /**
     * Error types that are a user's own budget or key limit doing its job, not a failure: counted apart, so
     * that an alarm on errors is not set off by a user running out of budget or sending too fast. Every
     * deployment's window full ({@code capacity_exhausted}) is not among them: a capacity problem an
     * operator must see.
     */
    static final Set<String> REFUSALS = Set.of("budget_exceeded", "rate_limited");

    /** Ended in an error that is not a refusal (see {@link #refused()}). */
    public boolean failed() {
        return LedgerEntry.ERROR.equals(status) && !refused();
    }

    /** Refused by the user's budget or the key's rate limit. */
    public boolean refused() {
        return LedgerEntry.ERROR.equals(status) && REFUSALS.contains(errorType);
    }
}
