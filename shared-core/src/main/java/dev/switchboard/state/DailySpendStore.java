package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What each principal (a virtual key's user, or "anonymous" when authentication is off) has spent
 * per UTC day, shared by every function instance. Adds are atomic: concurrent writers lose nothing.
 */
public interface DailySpendStore {

    /** Adds {@code usd} to the principal's spend on {@code day} and returns the new total. */
    BigDecimal add(String principal, LocalDate day, BigDecimal usd);

    /** The principal's spend on {@code day}; zero when nothing was spent. */
    BigDecimal spentOn(String principal, LocalDate day);
}
