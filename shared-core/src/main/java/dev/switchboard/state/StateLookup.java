package dev.switchboard.state;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store knew about a request before it was routed.
 *
 * @param spentToday the principal's spend in the UTC day so far, reservations of calls still under way included
 * @param cached     the cached answer to the same request; null on a miss or when the cache was not asked
 */
public record StateLookup(BigDecimal spentToday, CachedResponse cached) {

    public StateLookup {
        Objects.requireNonNull(spentToday, "spentToday");
    }

    public Optional<CachedResponse> cachedAnswer() {
        return Optional.ofNullable(cached);
    }
}
