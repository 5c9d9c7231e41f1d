package dev.switchboard.state;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the store knew about a request before it was routed.
 *
 * @param spentToday the principal's spend in the UTC day so far, reservations of calls still under way included
 */
public record StateLookup(BigDecimal spentToday) {

    public StateLookup {
        Objects.requireNonNull(spentToday, "spentToday");
    }
}
