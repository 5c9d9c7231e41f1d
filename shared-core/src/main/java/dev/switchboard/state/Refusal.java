package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.Duration;

/** Why a reservation was refused; each kind names what refused, so the caller can say it (429 / 402). */
public sealed interface Refusal {

    /** When asking again can succeed: the end of the window or period that refused, from the store's clock. */
    Duration retryAfter();

    /** A per-minute limit of a deployment or a key: {@code used} plus {@code asked} would pass {@code limit}. */
    record RateLimited(RateScope scope, RateMeasure measure, long limit, long used, long asked,
                       Duration retryAfter) implements Refusal {
    }

    /** A budget: {@code spent} (reservations included) plus {@code asked} would pass {@code capUsd}. */
    record OverBudget(BudgetPeriod period, BigDecimal capUsd, BigDecimal spentUsd, BigDecimal askedUsd,
                      Duration retryAfter) implements Refusal {
    }

    enum RateScope { DEPLOYMENT, KEY }

    enum RateMeasure { REQUESTS, TOKENS }

    enum BudgetPeriod { DAILY, MONTHLY }
}
