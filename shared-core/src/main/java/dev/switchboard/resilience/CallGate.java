package dev.switchboard.resilience;

import dev.switchboard.routing.Candidate;

import java.util.Optional;

/**
 * Where a request's admission plugs into the fallback chain: asked before each candidate is called
 * (to hold its rate limits and budget), and told when a called candidate failed (to give back what it
 * held). The candidate that answers is settled by whoever made the request, since only it knows the
 * real usage and cost.
 */
public interface CallGate {

    /** Admits every call and holds nothing. */
    CallGate OPEN = new CallGate() {
        @Override
        public Optional<String> enter(Candidate candidate) {
            return Optional.empty();
        }

        @Override
        public void failed(Candidate candidate, Attempt attempt) {
        }
    };

    /**
     * Empty when {@code candidate} may be called now; otherwise why it is passed over (the chain goes
     * on to the next one). Throws to refuse the whole request.
     */
    Optional<String> enter(Candidate candidate);

    /** {@code candidate} was let in and did not answer (it failed). */
    void failed(Candidate candidate, Attempt attempt);
}
