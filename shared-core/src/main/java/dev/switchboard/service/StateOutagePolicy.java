package dev.switchboard.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What a request does when the shared state cannot be reached to check one kind of limit: let it
 * through unchecked ({@code OPEN}) or refuse it with 503 ({@code CLOSED}).
 *
 * <p>Defaults: budgets fail closed, because money is at stake and a refused request can be sent
 * again, while an unchecked one cannot be un-spent; rate limits fail open, because the providers'
 * own 429s still protect them and the circuit breakers take over. A reservation checks both in one
 * write, so while the store is down a request is refused if either kind fails closed.
 *
 * @param budgets    {@code switchboard.state.outage.budgets} (SWITCHBOARD_STATE_OUTAGE_BUDGETS)
 * @param rateLimits {@code switchboard.state.outage.rate-limits} (SWITCHBOARD_STATE_OUTAGE_RATE_LIMITS)
 */
@ConfigurationProperties("switchboard.state.outage")
public record StateOutagePolicy(@Bindable(defaultValue = "CLOSED") FailureMode budgets,
                                @Bindable(defaultValue = "OPEN") FailureMode rateLimits) {

    public static final StateOutagePolicy DEFAULT = new StateOutagePolicy(FailureMode.CLOSED, FailureMode.OPEN);

    public enum FailureMode { OPEN, CLOSED }

    public StateOutagePolicy {
        budgets = budgets == null ? FailureMode.CLOSED : budgets;
        rateLimits = rateLimits == null ? FailureMode.OPEN : rateLimits;
    }

    /** Whether a request may go on unchecked while the store is down. */
    public boolean letsThrough() {
        return budgets == FailureMode.OPEN && rateLimits == FailureMode.OPEN;
    }
}
