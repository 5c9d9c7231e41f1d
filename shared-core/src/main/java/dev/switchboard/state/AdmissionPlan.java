package dev.switchboard.state;

import dev.switchboard.state.CounterUpdate.Increment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which counters a reservation and its reconcile touch, in one order both adapters share. The order is
 * also the precedence of refusals when several limits refuse at once: the longest-lasting first
 * (monthly budget, daily budget, key window, deployment window), so that a client told to retry after
 * a minute is not refused again by a budget that lasts until midnight.
 */
public final class AdmissionPlan {

    private AdmissionPlan() {
    }

    /** Every counter a reservation of {@code r} at {@code now} adds to, with its limits. */
    public static List<CounterUpdate> reserve(AdmissionRequest r, Instant now) {
        BigDecimal cost = r.maxCostUsd();
        List<CounterUpdate> updates = new ArrayList<>(4);
        updates.add(spend(AdmissionCounter.Kind.PRINCIPAL_MONTH, r.principal(), now, cost, r.budget().monthlyUsd()));
        updates.add(spend(AdmissionCounter.Kind.PRINCIPAL_DAY, r.principal(), now, cost, r.budget().dailyUsd()));
        if (r.keyLimited()) {
            updates.add(window(AdmissionCounter.Kind.KEY_MINUTE, r.keyId(), now, r.keyLimits(), r.estimatedTokens()));
        }
        if (r.deploymentLimits().any()) {
            updates.add(window(AdmissionCounter.Kind.DEPLOYMENT_MINUTE, r.deployment(), now, r.deploymentLimits(),
                    r.estimatedTokens()));
        }
        return List.copyOf(updates);
    }

    /**
     * What replaces the estimates with the real figures: the differences, added without limits (a
     * reconcile never fails for being over). Counters whose difference is zero are left out, and so are windows
     * that count no tokens: a window with only an RPM limit (a deployment's, the busiest item there is) is written
     * once per request, when it is reserved.
     */
    public static List<CounterUpdate> reconcile(Reservation reservation, long actualTokens, BigDecimal actualCostUsd) {
        if (actualTokens < 0 || actualCostUsd.signum() < 0) {
            throw new IllegalArgumentException("actual tokens and cost must not be negative");
        }
        BigDecimal tokenDelta = BigDecimal.valueOf(actualTokens - reservation.estimatedTokens());
        BigDecimal costDelta = actualCostUsd.subtract(reservation.maxCostUsd());
        List<CounterUpdate> updates = new ArrayList<>(4);
        for (AdmissionCounter counter : reservation.counters()) {
            boolean spend = counter.kind() == AdmissionCounter.Kind.PRINCIPAL_DAY
                    || counter.kind() == AdmissionCounter.Kind.PRINCIPAL_MONTH;
            if (!spend && !reservation.tokenCounters().contains(counter)) {
                continue;
            }
            BigDecimal delta = spend ? costDelta : tokenDelta;
            if (delta.signum() != 0) {
                updates.add(new CounterUpdate(counter, List.of(
                        new Increment(spend ? CounterMeasure.SPENT_USD : CounterMeasure.TOKENS, delta, null))));
            }
        }
        return List.copyOf(updates);
    }

    private static CounterUpdate spend(AdmissionCounter.Kind kind, String principal, Instant now, BigDecimal cost,
                                       BigDecimal cap) {
        return new CounterUpdate(AdmissionCounter.at(kind, principal, now),
                List.of(new Increment(CounterMeasure.SPENT_USD, cost, cap)));
    }

    /** A minute window: one request, and the estimated tokens where a TPM limit needs them counted. */
    private static CounterUpdate window(AdmissionCounter.Kind kind, String owner, Instant now, RateLimits limits,
                                        long tokens) {
        Increment request = new Increment(CounterMeasure.REQUESTS, BigDecimal.ONE, decimal(limits.requestsPerMinute()));
        return new CounterUpdate(AdmissionCounter.at(kind, owner, now), limits.tokensPerMinute() == null
                ? List.of(request)
                : List.of(request, new Increment(CounterMeasure.TOKENS, BigDecimal.valueOf(tokens),
                        decimal(limits.tokensPerMinute()))));
    }

    private static BigDecimal decimal(Long limit) {
        return limit == null ? null : BigDecimal.valueOf(limit);
    }
}
