package dev.switchboard.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link HealthStore} adapter must do; each adapter's test extends this. */
public abstract class HealthStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Far ahead, like the other state tests: DynamoDB Local's TTL sweeper runs on real time. */
    protected static final Instant T0 = Instant.parse("2036-11-22T12:00:00Z");

    /** A store; stores made by one test share what they hold. */
    protected abstract HealthStore newStore();

    /** A store on its own client, as another instance would have; by default the same as {@link #newStore()}. */
    protected HealthStore anotherInstancesStore() {
        return newStore();
    }

    /** A deployment label no other test (or earlier run on a shared table) has used. */
    protected static String deployment(String name) {
        return "p" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet() + "/" + name;
    }

    @Test
    void aPublishedRecordReadsBackWhole() {
        HealthStore store = newStore();
        String a = deployment("a");
        String b = deployment("b");
        CircuitRecord open = CircuitRecord.open(a, T0.plusNanos(123_456_789), CircuitRecord.INSTANCE, "TIMEOUT");
        CircuitRecord closed = CircuitRecord.closed(b, T0, CircuitRecord.PROBE);

        assertTrue(store.publish(open));
        assertTrue(store.publish(closed));

        assertEquals(Map.of(a, open, b, closed), store.snapshot(List.of(a, b, deployment("never-written"))));
    }

    @Test
    void aSimulatedOutageReadsBackWithWhenItEnds() {
        HealthStore store = newStore();
        String a = deployment("a");
        CircuitRecord simulated = CircuitRecord.simulated(a, T0.plusNanos(7), T0.plusSeconds(90).plusNanos(5));

        assertTrue(store.publish(simulated));

        CircuitRecord read = store.snapshot(List.of(a)).get(a);
        assertEquals(simulated, read);
        assertEquals(T0.plusSeconds(90).plusNanos(5), read.heldUntil());
    }

    @Test
    void aNewerRecordReplacesTheStoredOne() {
        HealthStore store = newStore();
        String a = deployment("a");
        store.publish(CircuitRecord.open(a, T0, CircuitRecord.INSTANCE, "UNAVAILABLE"));
        CircuitRecord recovered = CircuitRecord.closed(a, T0.plusNanos(1), CircuitRecord.PROBE);

        assertTrue(store.publish(recovered));

        assertEquals(recovered, store.snapshot(Set.of(a)).get(a));
    }

    @Test
    void anOlderOrEqualRecordIsQuietlyIgnored() {
        HealthStore store = newStore();
        String a = deployment("a");
        CircuitRecord stored = CircuitRecord.open(a, T0, CircuitRecord.INSTANCE, "UNAVAILABLE");
        store.publish(stored);

        assertFalse(store.publish(CircuitRecord.closed(a, T0.minusMillis(1), CircuitRecord.PROBE)));
        assertFalse(store.publish(CircuitRecord.closed(a, T0, CircuitRecord.PROBE)));

        assertEquals(stored, store.snapshot(Set.of(a)).get(a));
    }

    @Test
    void anUnexpiredHoldIsNotReplacedByAnOrdinaryRecord() {
        HealthStore store = newStore();
        String a = deployment("a");
        CircuitRecord simulated = CircuitRecord.simulated(a, T0, T0.plusSeconds(60));
        store.publish(simulated);

        assertFalse(store.publish(CircuitRecord.closed(a, T0.plusSeconds(1), CircuitRecord.PROBE)));
        assertFalse(store.publish(CircuitRecord.open(a, T0.plusSeconds(59), CircuitRecord.INSTANCE, "TIMEOUT")));

        assertEquals(simulated, store.snapshot(Set.of(a)).get(a));
    }

    @Test
    void aHoldEndsAtItsTimeOrWithANewerHold() {
        HealthStore store = newStore();
        String a = deployment("a");
        String b = deployment("b");
        store.publish(CircuitRecord.simulated(a, T0, T0.plusSeconds(60)));
        store.publish(CircuitRecord.simulated(b, T0, T0.plusSeconds(60)));
        CircuitRecord closed = CircuitRecord.closed(a, T0.plusSeconds(60), CircuitRecord.PROBE);
        CircuitRecord shorter = CircuitRecord.simulated(b, T0.plusSeconds(1), T0.plusSeconds(2));

        assertTrue(store.publish(closed), "seen at the hold's end: the hold is over");
        assertTrue(store.publish(shorter), "an admin may replace an outage with another");

        assertEquals(Map.of(a, closed, b, shorter), store.snapshot(Set.of(a, b)));
    }

    @Test
    void anEmptySnapshotAsksForNothing() {
        assertEquals(Map.of(), newStore().snapshot(List.of()));
    }

    @Test
    void theNewestRecordWinsWhateverOrderFourInstancesWriteIn() throws Exception {
        List<HealthStore> instances = List.of(newStore(), anotherInstancesStore(), anotherInstancesStore(),
                anotherInstancesStore());
        List<String> deployments = List.of(deployment("x"), deployment("y"), deployment("z"));
        int threads = 16;
        int writesPerThread = 25;
        // Every record gets its own instant, then the records are dealt out in shuffled order.
        List<CircuitRecord> records = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < threads * writesPerThread; i++) {
            String label = deployments.get(i % deployments.size());
            Instant at = T0.plusMillis(i);
            records.add(random.nextBoolean() ? CircuitRecord.open(label, at, CircuitRecord.INSTANCE, "TIMEOUT")
                    : CircuitRecord.closed(label, at, CircuitRecord.PROBE));
        }
        List<CircuitRecord> dealt = new ArrayList<>(records);
        Collections.shuffle(dealt, new java.util.Random(5));
        Map<String, CircuitRecord> newest = new HashMap<>();
        records.forEach(r -> newest.merge(r.deployment(), r, (x, y) -> y.supersedes(x) ? y : x));

        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger stored = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                HealthStore store = instances.get(t % instances.size());
                List<CircuitRecord> mine = dealt.subList(t * writesPerThread, (t + 1) * writesPerThread);
                done.add(pool.submit(() -> {
                    start.await();
                    for (CircuitRecord record : mine) {
                        if (store.publish(record)) {
                            stored.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.println("health store race: " + records.size() + " records from " + threads + " threads on "
                + instances.size() + " clients, " + stored.get() + " stored, newest kept for each of "
                + deployments.size() + " deployments");
        for (HealthStore store : instances) {
            assertEquals(newest, store.snapshot(deployments));
        }
        assertTrue(stored.get() >= deployments.size() && stored.get() < records.size());
    }

    @Test
    void recordsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CircuitRecord(" ", CircuitState.OPEN, T0, "probe", null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CircuitRecord("a/b", CircuitState.OPEN, T0, null, null));
        assertTrue(CircuitRecord.closed("a/b", T0.plus(Duration.ofNanos(1)), "probe")
                .supersedes(CircuitRecord.open("a/b", T0, "instance", null)));
    }
}
