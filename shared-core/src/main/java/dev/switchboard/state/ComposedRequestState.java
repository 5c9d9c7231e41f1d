package dev.switchboard.state;

import java.time.Instant;

/**
 * A request's state calls made store by store, for stores that have no way to batch them (the
 * in-memory ones, where a call costs nothing).
 */
public final class ComposedRequestState implements RequestState {

    private final AdmissionStore admission;
    private final LatencyStore latency;
    private final ResponseCache cache;

    public ComposedRequestState(AdmissionStore admission, LatencyStore latency, ResponseCache cache) {
        this.admission = admission;
        this.latency = latency;
        this.cache = cache;
    }

    @Override
    public StateLookup lookup(String principal, Instant at, CacheKey cacheKey) {
        return new StateLookup(admission.spent(principal, Refusal.BudgetPeriod.DAILY, at), cached(cacheKey));
    }

    /** A cache that cannot be read is a miss (see {@link ResponseCache}), never a refused request. */
    private CachedResponse cached(CacheKey cacheKey) {
        if (cacheKey == null) {
            return null;
        }
        try {
            return cache.get(cacheKey).orElse(null);
        } catch (StateUnavailableException e) {
            return null;
        }
    }

    @Override
    public Admission reserve(AdmissionRequest request) {
        return admission.reserve(request);
    }

    @Override
    public void settle(Settlement s) {
        if (s.reservation() != null) {
            admission.reconcile(s.reservation(), s.actualTokens(), s.actualCostUsd());
        }
        if (s.recordsLatency()) {
            latency.record(s.deployment(), s.latency(), s.success(), s.endedAt());
        }
        if (s.caches()) {
            cache.put(s.cacheKey(), s.answer());
        }
    }

    @Override
    public void releaseUncertain(UncertainReservation uncertain) {
        admission.releaseUncertain(uncertain);
    }
}
