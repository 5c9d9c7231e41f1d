package dev.switchboard.state.memory;

import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionCounter;
import dev.switchboard.state.AdmissionPlan;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.CounterMeasure;
import dev.switchboard.state.CounterUpdate;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.Reservation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process's admission counters with the DynamoDB adapter's exact semantics (same plan, same
 * conditions, same refusal order), for unit tests and overhead measurements; not shared between
 * instances, so never the default on Lambda. One lock makes each reservation all-or-nothing, as the
 * transaction does. Past windows are dropped as the clock passes their expiry, like TTL.
 */
public final class InMemoryAdmissionStore implements AdmissionStore {

    private final Clock clock;
    private final Map<AdmissionCounter, Map<CounterMeasure, BigDecimal>> counters = new HashMap<>();
    /** The second of the last sweep of expired windows: expiries are whole seconds, so once a second is enough. */
    private long sweptAtSecond = Long.MIN_VALUE;

    public InMemoryAdmissionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Admission reserve(AdmissionRequest request) {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        if (second != sweptAtSecond) {
            counters.keySet().removeIf(c -> c.expiresAtEpochSecond() < second);
            sweptAtSecond = second;
        }
        List<CounterUpdate> plan = AdmissionPlan.reserve(request, now);
        for (CounterUpdate update : plan) {
            Optional<Refusal> refusal = update.refusalGiven(values(update.counter()), now);
            if (refusal.isPresent()) {
                return new Admission.Refused(refusal.get());
            }
        }
        plan.forEach(this::apply);
        return new Admission.Admitted(Reservation.of(request, now, plan));
    }

    @Override
    public synchronized void reconcile(Reservation reservation, long actualTokens, BigDecimal actualCostUsd) {
        AdmissionPlan.reconcile(reservation, actualTokens, actualCostUsd).forEach(this::apply);
    }

    @Override
    public synchronized WindowUsage windowUsage(Refusal.RateScope scope, String owner, Instant at) {
        Map<CounterMeasure, BigDecimal> v = values(AdmissionCounter.window(scope, owner, at));
        return new WindowUsage(v.getOrDefault(CounterMeasure.REQUESTS, BigDecimal.ZERO).longValueExact(),
                v.getOrDefault(CounterMeasure.TOKENS, BigDecimal.ZERO).longValueExact());
    }

    @Override
    public synchronized BigDecimal spent(String principal, Refusal.BudgetPeriod period, Instant at) {
        return values(AdmissionCounter.budget(period, principal, at))
                .getOrDefault(CounterMeasure.SPENT_USD, BigDecimal.ZERO);
    }

    private void apply(CounterUpdate update) {
        Map<CounterMeasure, BigDecimal> item = counters.computeIfAbsent(update.counter(),
                c -> new EnumMap<>(CounterMeasure.class));
        update.increments().forEach(inc -> item.merge(inc.measure(), inc.amount(), BigDecimal::add));
    }

    private Map<CounterMeasure, BigDecimal> values(AdmissionCounter counter) {
        return counters.getOrDefault(counter, Map.of());
    }
}
