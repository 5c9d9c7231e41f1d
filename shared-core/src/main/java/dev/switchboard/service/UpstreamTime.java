package dev.switchboard.service;

import dev.switchboard.resilience.Attempt;
import dev.switchboard.resilience.CallGate;
import dev.switchboard.routing.Candidate;

import java.time.Clock;
import java.util.Optional;

/**
 * The provider's share of a request's time, for the overhead header: the fallback chain's wall time
 * less the time spent inside the request's admission (its reservations are the gateway's work, done
 * between calls). Waiting on a provider, including the backoff before a retry, counts as the
 * provider's. Wraps the admission as the chain's gate; used on the thread that runs the chain.
 */
final class UpstreamTime implements CallGate {

    private final CallGate admission;
    private final Clock clock;
    private volatile long chainStarted = -1;
    private volatile long chainEnded = -1;
    private volatile long admissionMs;

    UpstreamTime(CallGate admission, Clock clock) {
        this.admission = admission;
        this.clock = clock;
    }

    /** Call just before the chain starts. */
    UpstreamTime started() {
        chainStarted = clock.millis();
        return this;
    }

    /** Call once the chain has returned. */
    void ended() {
        chainEnded = clock.millis();
    }

    /** Milliseconds spent on the provider so far (up to now while the chain still runs). */
    long upstreamMs() {
        if (chainStarted < 0) {
            return 0;
        }
        long end = chainEnded < 0 ? clock.millis() : chainEnded;
        return Math.max(0, end - chainStarted - admissionMs);
    }

    @Override
    public Optional<String> enter(Candidate candidate) {
        long start = clock.millis();
        try {
            return admission.enter(candidate);
        } finally {
            admissionMs += clock.millis() - start;
        }
    }

    @Override
    public void failed(Candidate candidate, Attempt attempt) {
        long start = clock.millis();
        try {
            admission.failed(candidate, attempt);
        } finally {
            admissionMs += clock.millis() - start;
        }
    }
}
