package dev.switchboard.service;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.testsupport.CountingStores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instance's opened breaker becomes a shared OPEN record; an unreachable store costs the request nothing. */
class SharedCircuitPublisherTest {

    private static final Instant AT = Instant.parse("2036-11-22T12:00:00Z");

    private final InMemoryHealthStore store = new InMemoryHealthStore();

    @Test
    void anOpenedBreakerIsPublishedAsTheInstancesVerdict() {
        new SharedCircuitPublisher(store).opened("alpha/m", AT, "UNAVAILABLE");

        assertEquals(Map.of("alpha/m", CircuitRecord.open("alpha/m", AT, CircuitRecord.INSTANCE, "UNAVAILABLE")),
                store.snapshot(List.of("alpha/m")));
    }

    @Test
    void anUnreachableStoreIsLoggedNotThrown() {
        CountingStores stores = new CountingStores();
        stores.down = true;

        new SharedCircuitPublisher(stores.health(store)).opened("alpha/m", AT, null);

        assertTrue(store.snapshot(List.of("alpha/m")).isEmpty());
    }
}
