package dev.switchboard.state;

import java.math.BigDecimal;

/**
 * A principal's spending caps in USD per UTC day and per UTC month; a null cap is no cap (spend is
 * still counted, so the day's total is known either way).
 */
public record BudgetCaps(BigDecimal dailyUsd, BigDecimal monthlyUsd) {

    /** Seed 002: a user whose key sets no budget may spend $1.00 a day; no monthly cap. */
    public static final BudgetCaps DEFAULT = new BudgetCaps(new BigDecimal("1.00"), null);

    public BudgetCaps {
        if (dailyUsd != null && dailyUsd.signum() < 0) {
            throw new IllegalArgumentException("dailyUsd must not be negative");
        }
        if (monthlyUsd != null && monthlyUsd.signum() < 0) {
            throw new IllegalArgumentException("monthlyUsd must not be negative");
        }
    }

    /** The key's own caps, or the seed default when the key sets none. */
    public static BudgetCaps orDefault(BudgetCaps keyCaps) {
        return keyCaps == null ? DEFAULT : keyCaps;
    }
}
