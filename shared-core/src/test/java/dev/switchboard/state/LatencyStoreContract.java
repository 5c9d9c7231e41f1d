package dev.switchboard.state;

import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link LatencyStore} adapter must do; each adapter's test extends this. */
public abstract class LatencyStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger();

    protected final MutableClock clock = new MutableClock();

    protected LatencyStoreContract() {
        // DynamoDB Local deletes items whose TTL has passed by the machine's clock, and the items
        // expire an hour after leaving the window: the test's time lies years ahead so none expires.
        clock.advance(Duration.ofDays(3650));
    }

    /** A store reading time from {@code clock}; stores made by one test share what they record. */
    protected abstract LatencyStore newStore(LatencySettings settings, Clock clock);

    /** A deployment label no other test (or earlier run on a shared table) has used. */
    protected static String deployment(String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    }

    @Test
    void percentilesAreWithinTheStatedErrorForKnownDistributions() {
        Random random = new Random(4);
        assertPercentilesWithinError("uniform", () -> 1 + random.nextInt(2000));
        assertPercentilesWithinError("log-normal", () -> Math.round(Math.exp(6 + 0.8 * random.nextGaussian())));
        assertPercentilesWithinError("bimodal",
                () -> random.nextInt(10) == 0 ? 3000 + random.nextInt(500) : 80 + random.nextInt(40));
    }

    private void assertPercentilesWithinError(String name, LongSupplier draw) {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment(name);
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long millis = draw.getAsLong();
            samples.add(millis);
            // Spread over the window's buckets, so that buckets are added up too.
            store.record(label, Duration.ofMillis(millis), true, clock.instant().minusSeconds(i % 290));
        }
        samples.sort(null);
        DeploymentLatency figures = store.snapshot(Set.of(label)).of(label);

        assertEquals(300, figures.calls(), name);
        assertWithinError(name + " p50", nearestRank(samples, 0.50), figures.p50Millis());
        assertWithinError(name + " p95", nearestRank(samples, 0.95), figures.p95Millis());
        assertWithinError(name + " p99", nearestRank(samples, 0.99), figures.p99Millis());
        double exactMean = samples.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertEquals(exactMean, figures.meanMillis(), 1e-9, name + " mean");
    }

    private static long nearestRank(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }

    private static void assertWithinError(String what, long exact, Double reported) {
        double error = Math.abs(reported - exact) / exact;
        assertTrue(error <= LatencyHistogram.RELATIVE_ERROR + 1e-12,
                what + ": exact " + exact + " reported " + reported + " error " + error);
    }

    @Test
    void theEmaIsSeed004sPerRequestEmaWhenEachBucketHoldsOneCall() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment("ema");
        Instant start = clock.instant();
        store.record(label, Duration.ofMillis(100), true, start);
        store.record(label, Duration.ofMillis(200), true, start.plusSeconds(60));
        store.record(label, Duration.ofMillis(300), true, start.plusSeconds(120));
        clock.advance(Duration.ofMinutes(2));

        // 100; 0.3 * 200 + 0.7 * 100 = 130; 0.3 * 300 + 0.7 * 130 = 181
        assertEquals(181.0, store.snapshot(Set.of(label)).of(label).emaMillis(), 1e-9);
    }

    @Test
    void aBucketOfSeveralCallsMovesTheEmaAsThatManyCallsAtTheirMean() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment("ema-batch");
        Instant start = clock.instant();
        store.record(label, Duration.ofMillis(100), true, start);
        store.record(label, Duration.ofMillis(100), true, start.plusSeconds(60));
        store.record(label, Duration.ofMillis(300), true, start.plusSeconds(61));
        clock.advance(Duration.ofMinutes(1));

        // Two calls at their mean 200: 0.7^2 * 100 + (1 - 0.7^2) * 200 = 151. The serial EMA gives
        // 160 or 142 depending on which came first; this lies between.
        assertEquals(151.0, store.snapshot(Set.of(label)).of(label).emaMillis(), 1e-9);
    }

    @Test
    void failuresCountInTheSuccessRateButNotInTheLatencies() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment("failures");
        store.record(label, Duration.ofMillis(100), true, clock.instant());
        store.record(label, Duration.ofMillis(100), true, clock.instant());
        store.record(label, Duration.ofMillis(100), true, clock.instant());
        store.record(label, Duration.ofSeconds(30), false, clock.instant());

        DeploymentLatency figures = store.snapshot(Set.of(label)).of(label);
        assertEquals(4, figures.calls());
        assertEquals(3, figures.successes());
        assertEquals(0.75, figures.successRate(), 1e-12);
        assertEquals(100.0, figures.meanMillis(), 1e-12);
        assertWithinError("p99", 100, figures.p99Millis());
    }

    @Test
    void onlyFailuresGiveASuccessRateOfZeroAndNoLatencies() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment("down");
        store.record(label, Duration.ofMillis(5), false, clock.instant());

        DeploymentLatency figures = store.snapshot(Set.of(label)).of(label);
        assertEquals(0.0, figures.successRate());
        assertNull(figures.p50Millis());
        assertNull(figures.emaMillis());
    }

    @Test
    void callsLeaveTheWindowWhenTheClockMovesPastIt() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String label = deployment("expiry");
        store.record(label, Duration.ofMillis(100), true, clock.instant());
        clock.advance(Duration.ofMinutes(3));
        store.record(label, Duration.ofMillis(200), true, clock.instant());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(2, store.snapshot(Set.of(label)).of(label).calls(), "5 minutes old: still in the window");

        clock.advance(Duration.ofMinutes(1));
        DeploymentLatency later = store.snapshot(Set.of(label)).of(label);
        assertEquals(1, later.calls(), "6 minutes old: gone");
        assertEquals(200.0, later.emaMillis(), 1e-9);

        clock.advance(Duration.ofMinutes(3));
        assertSame(DeploymentLatency.none(), store.snapshot(Set.of(label)).of(label));
    }

    @Test
    void deploymentsAreKeptApartAndUnknownOnesHaveNoFigures() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        String fast = deployment("openai/gpt-4o-mini");
        String slow = deployment("anthropic/claude");
        String never = deployment("gemini/flash");
        store.record(fast, Duration.ofMillis(50), true, clock.instant());
        store.record(slow, Duration.ofMillis(900), true, clock.instant());

        LatencySnapshot snapshot = store.snapshot(List.of(fast, slow, never));
        assertEquals(clock.instant(), snapshot.at());
        assertWithinError("fast", 50, snapshot.of(fast).p50Millis());
        assertWithinError("slow", 900, snapshot.of(slow).p50Millis());
        assertEquals(0, snapshot.of(never).calls());
        assertNull(snapshot.of(never).successRate());
    }

    @Test
    void storesSharingStateSeeEachOthersCallsAndShardsAddUp() {
        LatencySettings sharded = new LatencySettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 3);
        LatencyStore one = newStore(sharded, clock);
        LatencyStore two = newStore(sharded, clock);
        String label = deployment("shared");
        for (int i = 0; i < 7; i++) {
            one.record(label, Duration.ofMillis(100), true, clock.instant());
            two.record(label, Duration.ofMillis(300), i % 2 == 0, clock.instant());
        }

        DeploymentLatency figures = two.snapshot(Set.of(label)).of(label);
        assertEquals(14, figures.calls());
        assertEquals(11, figures.successes());
        assertEquals((7 * 100 + 4 * 300) / 11.0, figures.meanMillis(), 1e-9);
    }

    @Test
    void rejectsABlankDeploymentOrANegativeLatency() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        assertThrows(IllegalArgumentException.class, () -> store.record(" ", Duration.ofMillis(1), true, clock.instant()));
        assertThrows(IllegalArgumentException.class,
                () -> store.record("a/b", Duration.ofMillis(-1), true, clock.instant()));
    }
}
