package dev.switchboard.state;

import java.time.Instant;

/**
 * The shared state one routed request touches on its critical path, in as few round trips as the
 * store allows: a {@link #lookup} before routing (the cached answer and the day's spend together), a
 * {@link #reserve} before each provider call, and one {@link #settle} after it that reconciles the
 * reservation, records the call's latency and caches the answer together. On DynamoDB each is one
 * call: a cache hit costs one, a request answered by its first candidate three.
 *
 * <p>Every operation throws {@link StateUnavailableException} when the store cannot be reached; what
 * then happens is the caller's choice per kind of state (see the service's outage policy).
 */
public interface RequestState {

    /**
     * What the request needs to know before it is routed: the principal's spend so far in the UTC day of
     * {@code at}, and the cached answer under {@code cacheKey} (not asked for when it is null).
     */
    StateLookup lookup(String principal, Instant at, CacheKey cacheKey);

    /** Holds rate limits and budget for one provider call (see {@link AdmissionStore#reserve}). */
    Admission reserve(AdmissionRequest request);

    /** After a call: the reservation replaced by the real figures, and the call's latency recorded. */
    void settle(Settlement settlement);

    /** Gives back what a reservation whose write ended uncertain may hold (see {@link AdmissionStore#releaseUncertain}). */
    void releaseUncertain(UncertainReservation uncertain);
}
