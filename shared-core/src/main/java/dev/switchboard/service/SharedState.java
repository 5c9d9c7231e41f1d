package dev.switchboard.service;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.LatencySnapshot;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What this instance last read of the shared state: every configured deployment's latency and the
 * circuit records that exist. Empty (all signals unknown, scored neutral) until a first read succeeds.
 */
public record SharedState(LatencySnapshot latency, Map<String, CircuitRecord> circuits) {

    public static final SharedState EMPTY = new SharedState(new LatencySnapshot(Instant.EPOCH, Map.of()), Map.of());

    public SharedState {
        circuits = Map.copyOf(circuits);
    }

    /** The shared circuit record of {@code deployment}, if any instance or the probe wrote one. */
    public Optional<CircuitRecord> circuit(String deployment) {
        return Optional.ofNullable(circuits.get(deployment));
    }
}
