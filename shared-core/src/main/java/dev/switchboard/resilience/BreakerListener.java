package dev.switchboard.resilience;

import java.time.Instant;

/**
 * Told when a deployment's breaker opens because of this instance's own calls (not when it adopts
 * another instance's verdict), so that the verdict can be shared, and when one closes. Called on the
 * thread whose call changed the breaker; an implementation must be quick to give up and must not throw.
 */
public interface BreakerListener {

    /**
     * @param label  the deployment, {@code provider/model}
     * @param at     when it opened, by the breakers' clock
     * @param reason the kind of the failure that opened it (e.g. TIMEOUT), or null if unknown
     */
    void opened(String label, Instant at, String reason);

    /**
     * Told when a deployment's breaker closes again on this instance (its trial call answered, or a
     * shared verdict closed it); nothing by default, since only metrics care.
     */
    default void closed(String label, Instant at) {
    }
}
