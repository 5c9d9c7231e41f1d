package dev.switchboard.state;

import dev.switchboard.provider.ChatResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An answer kept in the response cache: who gave it, the answer itself, when it was stored, and what
 * it cost when it was bought (null when the model has no price). That cost is kept with the entry for an
 * operator reading the table; a hit reports what it saved as the baseline model's price of the answer's
 * tokens, as every request's savings are counted.
 */
public record CachedResponse(String provider, ChatResponse response, Instant storedAt, BigDecimal originalCostUsd) {

    public CachedResponse {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(storedAt, "storedAt");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("a cached response names its provider");
        }
        if (originalCostUsd != null && originalCostUsd.signum() < 0) {
            throw new IllegalArgumentException("a cost is never negative: " + originalCostUsd);
        }
    }

    /** Whether the original answer had a price. */
    public boolean priced() {
        return originalCostUsd != null;
    }
}
