package dev.switchboard.state.memory;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One process's circuit records, for unit tests and runs without DynamoDB; the same rule as DynamoDB's
 * ({@link CircuitRecord#supersedes}: newest wins, but a running hold yields only to another hold).
 */
public final class InMemoryHealthStore implements HealthStore {

    private final ConcurrentHashMap<String, CircuitRecord> records = new ConcurrentHashMap<>();

    @Override
    public boolean publish(CircuitRecord record) {
        AtomicBoolean stored = new AtomicBoolean();
        // compute() runs atomically per key: the compare and the write cannot interleave with another writer.
        records.compute(record.deployment(), (label, current) -> {
            if (record.supersedes(current)) {
                stored.set(true);
                return record;
            }
            return current;
        });
        return stored.get();
    }

    @Override
    public Map<String, CircuitRecord> snapshot(Collection<String> deployments) {
        Map<String, CircuitRecord> found = new HashMap<>();
        for (String deployment : deployments) {
            CircuitRecord record = records.get(deployment);
            if (record != null) {
                found.put(deployment, record);
            }
        }
        return Map.copyOf(found);
    }
}
