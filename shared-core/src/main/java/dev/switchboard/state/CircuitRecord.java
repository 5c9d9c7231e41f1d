package dev.switchboard.state;

import java.time.Instant;

/**
 * One shared statement about a deployment's circuit: who said it, when, and why.
 *
 * @param deployment the deployment label, {@code provider/model}
 * @param state      open or closed
 * @param changedAt  when the state was observed; a record only replaces an older one
 * @param source     who observed it, e.g. {@link #INSTANCE} or {@link #PROBE}
 * @param reason     the failure kind that opened it, or null
 * @param heldUntil  for an OPEN record that must hold for a set time (a simulated outage), when it ends;
 *                   null for an ordinary record, which follows the breaker's own recovery time
 */
public record CircuitRecord(String deployment, CircuitState state, Instant changedAt, String source, String reason,
                            Instant heldUntil) {

    /** A function instance whose own breaker changed. */
    public static final String INSTANCE = "instance";
    /** The scheduled health probe. */
    public static final String PROBE = "probe";
    /** An admin's POST /simulate/failure. */
    public static final String SIMULATED = "simulated";
    /** The reason a simulated outage gives. */
    public static final String SIMULATED_REASON = "SIMULATED";

    public CircuitRecord {
        if (deployment == null || deployment.isBlank()) {
            throw new IllegalArgumentException("deployment is required");
        }
        if (state == null || changedAt == null) {
            throw new IllegalArgumentException("state and changedAt are required");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        if (heldUntil != null && (state != CircuitState.OPEN || !heldUntil.isAfter(changedAt))) {
            throw new IllegalArgumentException("only an OPEN record is held, and until after it was written");
        }
    }

    /** An ordinary record, which holds as long as the breaker's recovery time says. */
    public CircuitRecord(String deployment, CircuitState state, Instant changedAt, String source, String reason) {
        this(deployment, state, changedAt, source, reason, null);
    }

    public static CircuitRecord open(String deployment, Instant at, String source, String reason) {
        return new CircuitRecord(deployment, CircuitState.OPEN, at, source, reason);
    }

    /** A deployment marked down by an admin from {@code at} to {@code until}, whatever its calls would show. */
    public static CircuitRecord simulated(String deployment, Instant at, Instant until) {
        return new CircuitRecord(deployment, CircuitState.OPEN, at, SIMULATED, SIMULATED_REASON, until);
    }

    /** Whether this record keeps the deployment down at {@code now} regardless of anything else seen. */
    public boolean heldAt(Instant now) {
        return heldUntil != null && now.isBefore(heldUntil);
    }

    public static CircuitRecord closed(String deployment, Instant at, String source) {
        return new CircuitRecord(deployment, CircuitState.CLOSED, at, source, null);
    }

    /**
     * Whether this record should replace {@code stored} (absent counts as older than anything): it must
     * be newer, and a stored hold still running when this record was observed yields only to another
     * hold, so that no probe or instance verdict ends a simulated outage before its set time.
     */
    public boolean supersedes(CircuitRecord stored) {
        if (stored == null) {
            return true;
        }
        return changedAt.isAfter(stored.changedAt()) && (heldUntil != null || !stored.heldAt(changedAt));
    }
}
