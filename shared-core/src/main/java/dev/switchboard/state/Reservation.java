package dev.switchboard.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an admitted request holds until it reconciles: the counters it added to (the windows of the
 * minute it was admitted in, even if the call ends in the next one) and the estimates to replace.
 *
 * @param tokenCounters the windows among {@code counters} that count tokens (those with a TPM limit): only they
 *                      are corrected when the real token count is known
 */
public record Reservation(String principal, Instant admittedAt, List<AdmissionCounter> counters,
                          List<AdmissionCounter> tokenCounters, long estimatedTokens, BigDecimal maxCostUsd) {

    public Reservation {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(admittedAt, "admittedAt");
        Objects.requireNonNull(maxCostUsd, "maxCostUsd");
        counters = List.copyOf(counters);
        tokenCounters = List.copyOf(tokenCounters);
        if (!counters.containsAll(tokenCounters)) {
            throw new IllegalArgumentException("a window counting tokens must be one of the counters");
        }
    }

    /** The reservation that {@code reserved} (from {@link AdmissionPlan#reserve}) made for {@code r}. */
    public static Reservation of(AdmissionRequest r, Instant now, List<CounterUpdate> reserved) {
        return new Reservation(r.principal(), now, reserved.stream().map(CounterUpdate::counter).toList(),
                reserved.stream().filter(u -> u.increments().stream()
                        .anyMatch(i -> i.measure() == CounterMeasure.TOKENS)).map(CounterUpdate::counter).toList(),
                r.estimatedTokens(), r.maxCostUsd());
    }
}
