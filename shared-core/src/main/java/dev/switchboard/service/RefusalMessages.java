package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.BudgetExceededException;
import dev.switchboard.api.RateLimitedException;
import dev.switchboard.state.Refusal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The caller-facing error for a refusal of the caller's own limits: it names the limit and its figures. */
final class RefusalMessages {

    private RefusalMessages() {
    }

    static ApiException exception(Refusal refusal, Caller caller) {
        if (refusal instanceof Refusal.OverBudget over) {
            String period = over.period() == Refusal.BudgetPeriod.DAILY ? "daily" : "monthly";
            return new BudgetExceededException(String.format(Locale.ROOT,
                    "The %s budget of %s for user '%s' would be exceeded: %s spent or held so far, and this "
                            + "request may cost up to %s", period, usd(over.capUsd()), caller.principal(),
                    usd(over.spentUsd()), usd(over.askedUsd())), over.retryAfter());
        }
        Refusal.RateLimited limited = (Refusal.RateLimited) refusal;
        String measure = limited.measure() == Refusal.RateMeasure.REQUESTS ? "requests" : "tokens";
        return new RateLimitedException(String.format(Locale.ROOT,
                "The rate limit of this key, %d %s per minute, is reached (%d used, %d asked)",
                limited.limit(), measure, limited.used(), limited.asked()), limited.retryAfter());
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(amount.scale() > 2 ? Math.min(amount.scale(), 6) : 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
