package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one admission step adds to one counter item, each addition with the limit it must stay within. */
public record CounterUpdate(AdmissionCounter counter, List<Increment> increments) {

    /**
     * Adds {@code amount} to {@code measure}; with a {@code limit}, only while the total stays at or
     * below it. No limit: added unconditionally (reconciles, uncapped spend).
     */
    public record Increment(CounterMeasure measure, BigDecimal amount, BigDecimal limit) {
        public Increment {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(amount, "amount");
        }

        /** The highest current value that still admits the amount; negative when the amount alone is too much. */
        public BigDecimal room() {
            return limit.subtract(amount);
        }

        public boolean fits(BigDecimal current) {
            return limit == null || current.compareTo(room()) <= 0;
        }
    }

    public CounterUpdate {
        Objects.requireNonNull(counter, "counter");
        increments = List.copyOf(increments);
    }

    /**
     * The refusal these increments meet given the item's current values (absent measures are zero), or
     * empty when every increment fits. The first increment that does not fit names the refusal.
     */
    public Optional<Refusal> refusalGiven(Map<CounterMeasure, BigDecimal> current, Instant now) {
        for (Increment inc : increments) {
            BigDecimal used = current.getOrDefault(inc.measure(), BigDecimal.ZERO);
            if (!inc.fits(used)) {
                return Optional.of(refusal(inc, used, Duration.between(now, counter.periodEnd())));
            }
        }
        return Optional.empty();
    }

    /**
     * The refusal for an item whose condition is known to have failed: as {@link #refusalGiven}, or, when
     * the values at hand do not explain the failure (a store that returned no old item), the first limited
     * increment, so that a failed condition is never mistaken for an admission or an outage.
     */
    public Refusal refusalOfFailedCondition(Map<CounterMeasure, BigDecimal> current, Instant now) {
        return refusalGiven(current, now).orElseGet(() -> increments.stream().filter(i -> i.limit() != null).findFirst()
                .map(i -> refusal(i, current.getOrDefault(i.measure(), BigDecimal.ZERO),
                        Duration.between(now, counter.periodEnd())))
                .orElseThrow(() -> new IllegalStateException("a condition failed on an item without limits")));
    }

    private Refusal refusal(Increment inc, BigDecimal used, Duration retryAfter) {
        return switch (counter.kind()) {
            case DEPLOYMENT_MINUTE, KEY_MINUTE -> new Refusal.RateLimited(
                    counter.kind() == AdmissionCounter.Kind.KEY_MINUTE ? Refusal.RateScope.KEY : Refusal.RateScope.DEPLOYMENT,
                    inc.measure() == CounterMeasure.REQUESTS ? Refusal.RateMeasure.REQUESTS : Refusal.RateMeasure.TOKENS,
                    inc.limit().longValueExact(), used.longValue(), inc.amount().longValueExact(), retryAfter);
            case PRINCIPAL_DAY, PRINCIPAL_MONTH -> new Refusal.OverBudget(
                    counter.kind() == AdmissionCounter.Kind.PRINCIPAL_DAY ? Refusal.BudgetPeriod.DAILY : Refusal.BudgetPeriod.MONTHLY,
                    inc.limit(), used, inc.amount(), retryAfter);
        };
    }
}
