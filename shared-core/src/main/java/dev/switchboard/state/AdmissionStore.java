package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rate limits and budgets shared by every instance: before a provider call, {@link #reserve} holds one
 * request and the estimated tokens against the deployment's and the key's per-minute windows, and the
 * call's maximum cost against the principal's daily and monthly budgets, all or nothing; after the
 * call, {@link #reconcile} replaces the estimates with the real figures. No instance can admit past a
 * limit, because every check and addition is one atomic conditional write.
 *
 * <p>On {@link StateUnavailableException} we recommend: budgets fail closed for keys with an explicit
 * budget (money is at stake and a refused request can be retried), fail open for the seed default of
 * anonymous or default-budget users only if availability matters more; rate limits fail open (the
 * provider's own 429s still protect it, and the breaker takes over). A failed reconcile comes with an
 * {@link UnsettledSettlement} to repeat; until a repeat writes it, the reservation stays at its estimate,
 * which errs on the safe side.
 *
 * <p>The daily budget counter is also the principal's spend for the day (total_cost_today): spend is
 * counted whether or not the principal has a cap.
 */
public interface AdmissionStore {

    /** Reserves for {@code request} at the store's clock: admitted with a reservation, or refused with why. */
    Admission reserve(AdmissionRequest request);

    /**
     * Replaces the reservation's estimates with what the call really used and cost (zero and zero for a
     * call that never reached the provider). Never refused, even when the real figures pass a limit.
     */
    void reconcile(Reservation reservation, long actualTokens, BigDecimal actualCostUsd);

    /**
     * Gives back what an {@link UncertainReservation} may hold: afterwards its tokens and money are not
     * held, whether or not its write had landed (its request may stay counted in the windows). A store
     * whose writes cannot end uncertain has nothing to do.
     */
    default void releaseUncertain(UncertainReservation uncertain) {
    }

    /** A scope's counted requests and tokens in the minute holding {@code at}. */
    WindowUsage windowUsage(Refusal.RateScope scope, String owner, Instant at);

    /** The principal's spend (reservations of unfinished calls included) in the period holding {@code at}. */
    BigDecimal spent(String principal, Refusal.BudgetPeriod period, Instant at);

    /** Requests and tokens counted in one minute window. */
    record WindowUsage(long requests, long tokens) {
    }
}
