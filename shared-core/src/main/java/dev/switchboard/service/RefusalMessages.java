package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.BudgetExceededException;
import dev.switchboard.api.RateLimitedException;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.state.Refusal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The caller-facing error for a refusal of the caller's own limits: it names the limit and its figures. */
final class RefusalMessages {

    private RefusalMessages() {
    }

    static ApiException exception(Refusal refusal, Caller caller) {
        if (refusal instanceof Refusal.OverBudget over && over.askedUsd().compareTo(over.capUsd()) > 0) {
            String period = over.period() == Refusal.BudgetPeriod.DAILY ? "daily" : "monthly";
            return new RequestExceedsLimitException(String.format(Locale.ROOT,
                    "This request may cost up to %s, more than the whole %s budget of %s for user '%s': it can "
                            + "never be admitted; lower max_tokens or shorten the prompt", usd(over.askedUsd()),
                    period, usd(over.capUsd()), caller.principal()));
        }
        if (refusal instanceof Refusal.RateLimited limited && limited.asked() > limited.limit()) {
            return new RequestExceedsLimitException(String.format(Locale.ROOT,
                    "This request asks for up to %d %s, more than this key's limit of %d per minute: it can "
                            + "never be admitted; lower max_tokens or shorten the prompt", limited.asked(),
                    measure(limited), limited.limit()));
        }
        if (refusal instanceof Refusal.OverBudget over) {
            String period = over.period() == Refusal.BudgetPeriod.DAILY ? "daily" : "monthly";
            return new BudgetExceededException(String.format(Locale.ROOT,
                    "The %s budget of %s for user '%s' would be exceeded: %s spent or held so far, and this "
                            + "request may cost up to %s", period, usd(over.capUsd()), caller.principal(),
                    usd(over.spentUsd()), usd(over.askedUsd())), over.retryAfter());
        }
        Refusal.RateLimited limited = (Refusal.RateLimited) refusal;
        return new RateLimitedException(String.format(Locale.ROOT,
                "The rate limit of this key, %d %s per minute, is reached (%d used, %d asked)",
                limited.limit(), measure(limited), limited.used(), limited.asked()), limited.retryAfter());
    }

    /**
     * The refusal when every deployment able to answer was refused because the request is larger than
     * its tokens-per-minute limit: {@code largest} is the one with the highest limit.
     */
    static ApiException tooLargeForEveryDeployment(Refusal.RateLimited largest) {
        return new RequestExceedsLimitException(String.format(Locale.ROOT,
                "This request asks for up to %d %s, more than any deployment able to answer it takes per minute "
                        + "(at most %d): it can never be admitted; lower max_tokens or shorten the prompt",
                largest.asked(), measure(largest), largest.limit()));
    }

    private static String measure(Refusal.RateLimited limited) {
        return limited.measure() == Refusal.RateMeasure.REQUESTS ? "requests" : "tokens";
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(amount.scale() > 2 ? Math.min(amount.scale(), 6) : 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
