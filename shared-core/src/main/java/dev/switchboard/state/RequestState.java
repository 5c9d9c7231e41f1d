package dev.switchboard.state;

import java.time.Instant;

/**
 * The shared state one routed request touches on its critical path, in as few round trips as the
 * store allows: a {@link #lookup} before routing, a {@link #reserve} before each provider call, and one
 * {@link #settle} after it that reconciles the reservation and records the call's latency together.
 * On DynamoDB each is one call, so a request answered by its first candidate costs three.
 *
 * <p>Every operation throws {@link StateUnavailableException} when the store cannot be reached; what
 * then happens is the caller's choice per kind of state (see the service's outage policy).
 */
public interface RequestState {

    /** What the request needs to know before it is routed: the principal's spend so far in the UTC day of {@code at}. */
    StateLookup lookup(String principal, Instant at);

    /** Holds rate limits and budget for one provider call (see {@link AdmissionStore#reserve}). */
    Admission reserve(AdmissionRequest request);

    /** After a call: the reservation replaced by the real figures, and the call's latency recorded. */
    void settle(Settlement settlement);
}
