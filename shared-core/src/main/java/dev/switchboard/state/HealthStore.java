package dev.switchboard.state;

import java.util.Collection;
import java.util.Map;

/**
 * Each deployment's shared circuit state, written by instances whose breaker opens and by the
 * health probe, read by every instance into its cached routing snapshot.
 *
 * <p>Writers race (two probe runs, an instance and the probe), so a write only lands when its
 * {@code changedAt} is strictly newer than the stored record's: whatever order the writes arrive
 * in, the newest statement wins and an older one never overwrites it. A hold (a simulated outage)
 * still running at a record's {@code changedAt} is replaced only by another hold. Both operations throw
 * {@link StateUnavailableException} when the store cannot be reached; callers treat the shared
 * state as advice and go on with what they last knew.
 */
public interface HealthStore {

    /**
     * Stores {@code record} when it {@link CircuitRecord#supersedes supersedes} the stored one; otherwise nothing happens.
     *
     * @return whether the record was stored
     */
    boolean publish(CircuitRecord record);

    /** The stored record of each of {@code deployments} that has one; deployments never written are absent. */
    Map<String, CircuitRecord> snapshot(Collection<String> deployments);
}
