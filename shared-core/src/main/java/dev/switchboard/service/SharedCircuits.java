package dev.switchboard.service;

import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Brings shared circuit records into this instance's breakers. Each record is acted on once, when
 * it is first seen: a snapshot read every few seconds keeps returning the same record, and acting on
 * it again would reopen a breaker that has since recovered by its own trial call. A record held until
 * an instant (a simulated outage) holds the breaker open until then, however long its recovery is.
 */
@Singleton
public class SharedCircuits {

    private final DeploymentBreakers breakers;
    private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();

    public SharedCircuits(DeploymentBreakers breakers) {
        this.breakers = breakers;
    }

    /** Opens or closes local breakers after the records newer than those already seen. */
    public void adopt(Map<String, CircuitRecord> records) {
        records.forEach((label, record) -> {
            Instant before = seen.get(label);
            if (before != null && !record.changedAt().isAfter(before)) {
                return;
            }
            seen.put(label, record.changedAt());
            if (record.heldUntil() != null) {
                breakers.holdOpenUntil(label, record.heldUntil());
            } else if (record.state() == CircuitState.OPEN) {
                breakers.adoptOpen(label, record.changedAt());
            } else {
                breakers.adoptClosed(label, record.changedAt());
            }
        });
    }
}
