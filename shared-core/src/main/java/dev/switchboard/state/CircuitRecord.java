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
 */
public record CircuitRecord(String deployment, CircuitState state, Instant changedAt, String source, String reason) {

    /** A function instance whose own breaker changed. */
    public static final String INSTANCE = "instance";
    /** The scheduled health probe. */
    public static final String PROBE = "probe";

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
    }

    public static CircuitRecord open(String deployment, Instant at, String source, String reason) {
        return new CircuitRecord(deployment, CircuitState.OPEN, at, source, reason);
    }

    public static CircuitRecord closed(String deployment, Instant at, String source) {
        return new CircuitRecord(deployment, CircuitState.CLOSED, at, source, null);
    }

    /** Whether this record should replace {@code stored} (absent counts as older than anything). */
    public boolean supersedes(CircuitRecord stored) {
        return stored == null || changedAt.isAfter(stored.changedAt());
    }
}
