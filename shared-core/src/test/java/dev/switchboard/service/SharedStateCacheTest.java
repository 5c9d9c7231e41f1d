package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.List;
import java.util.ArrayList;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.resilience.DeploymentBreakers;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;
import dev.switchboard.testsupport.CountingStores;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process copy of the shared state: how often it reads, who reads, and what an outage leaves. */
class SharedStateCacheTest {

    private static final String FAST = "alpha/gpt-4o-mini";
    private static final Duration MAX_AGE = SharedStateSettings.DEFAULTS.snapshotMaxAge();

    private final MutableClock clock = new MutableClock();
    private final InMemoryLatencyStore latency = new InMemoryLatencyStore(LatencySettings.defaults(), clock);
    private final InMemoryHealthStore health = new InMemoryHealthStore();
    private final CountingStores stores = new CountingStores();
    private final SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini", "gpt-4o");
    private final SharedStateParts.Instance instance =
            parts.instance(stores.latency(latency), stores.health(health), clock);
    private final SharedStateCache cache = instance.cache();
    private final Logger log = (Logger) LoggerFactory.getLogger(SharedStateCache.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void detachLog() {
        log.detachAppender(logged);
    }

    @Test
    void aReadIsOneLatencyAndOneHealthSnapshotAndHoldsForTheMaxAge() {
        latency.record(FAST, Duration.ofMillis(120), true, clock.instant());

        SharedState first = cache.current();
        assertEquals(1, first.latency().of(FAST).calls());
        clock.advance(MAX_AGE);
        assertSame(first, cache.current(), "not older than the max age yet");
        assertEquals(1, stores.latencyReads.get());
        assertEquals(1, stores.healthReads.get());

        clock.advance(Duration.ofMillis(1));
        cache.current();
        assertEquals(2, stores.latencyReads.get());
        assertEquals(2, stores.healthReads.get());
        assertEquals(clock.instant(), cache.lastRefreshed());
    }

    @Test
    void anInstancesFirstReadIsWaitedForSoItsFirstRequestSeesTheOpenCircuits() {
        health.publish(CircuitRecord.open(FAST, clock.instant(), CircuitRecord.PROBE, "TIMEOUT"));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            SharedStateCache fresh = new SharedStateCache(latency, health,
                    new SharedCircuits(new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock)), parts.candidates(),
                    SharedStateSettings.DEFAULTS, clock, background);

            assertEquals("OPEN", fresh.current().circuit(FAST).orElseThrow().state().name(),
                    "read on the I/O executor and waited for");
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aCopyFarOlderThanTheMaxAgeIsReadAfreshBeforeRouting() throws Exception {
        CountingStores gated = new CountingStores();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            SharedStateCache quiet = cacheOn(gated, background::execute, Duration.ofSeconds(10));
            quiet.current();
            health.publish(CircuitRecord.open(FAST, clock.instant(), CircuitRecord.PROBE, "TIMEOUT"));
            clock.advance(MAX_AGE.multipliedBy(SharedStateCache.WAIT_WHEN_OLDER_THAN).plusSeconds(1));
            CountDownLatch entered = new CountDownLatch(1);
            gated.entered = entered;
            // Lets the read finish only once it has begun, so that a caller that did not wait would miss it.
            Thread releaser = new Thread(() -> {
                try {
                    entered.await();
                } catch (InterruptedException e) {
                    return;
                }
                gated.release.countDown();
            });
            releaser.start();

            assertEquals("OPEN", quiet.current().circuit(FAST).orElseThrow().state().name());
            releaser.join(10_000);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void anOrdinarilyStaleCopyAndAnOutageAreNeverWaitedFor() {
        CountingStores failing = new CountingStores();
        List<Runnable> queued = new ArrayList<>();
        boolean[] runNow = {true};
        SharedStateCache cache = cacheOn(failing, task -> {
            if (runNow[0]) {
                task.run();
            } else {
                queued.add(task);
            }
        }, Duration.ofSeconds(30));
        cache.current();
        runNow[0] = false;

        clock.advance(MAX_AGE.plusSeconds(1));
        assertTimeoutPreemptively(Duration.ofSeconds(10), cache::current, "a copy just past its max age");
        queued.remove(0).run();
        failing.down = true;
        clock.advance(MAX_AGE.plusSeconds(1));
        cache.current();
        queued.remove(0).run();
        clock.advance(MAX_AGE.multipliedBy(SharedStateCache.WAIT_WHEN_OLDER_THAN).plusSeconds(1));
        assertTimeoutPreemptively(Duration.ofSeconds(10), cache::current, "the store is down: nothing to wait for");
        assertEquals(1, queued.size(), "the read was still started");
    }

    private SharedStateCache cacheOn(CountingStores stores, java.util.concurrent.Executor executor, Duration wait) {
        return new SharedStateCache(stores.latency(latency), stores.health(health),
                new SharedCircuits(new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock)), parts.candidates(),
                SharedStateSettings.DEFAULTS, clock, executor, wait);
    }

    @Test
    void whileOneThreadReadsTheOthersRouteOnThePreviousCopy() throws Exception {
        SharedState previous = cache.current();
        clock.advance(MAX_AGE.plusSeconds(1));
        CountDownLatch entered = new CountDownLatch(1);
        stores.entered = entered;

        CompletableFuture<SharedState> reader = CompletableFuture.supplyAsync(cache::current);
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first thread is reading");
        SharedState meanwhile = cache.current();
        stores.release.countDown();
        SharedState fresh = reader.get(10, TimeUnit.SECONDS);

        assertSame(previous, meanwhile);
        assertEquals(2, stores.latencyReads.get(), "one read at start, one by the thread that found it stale");
        assertSame(fresh, cache.current());
    }

    @Test
    void sharedCircuitsReachTheBreakersOnRead() {
        health.publish(CircuitRecord.open(FAST, clock.instant(), CircuitRecord.PROBE, "TIMEOUT"));

        assertEquals("OPEN", cache.current().circuit(FAST).orElseThrow().state().name());

        assertTrue(instance.breakers().isOpen(FAST));
    }

    @Test
    void anOutageKeepsTheLastCopyReportsTheErrorAndLogsOnce() {
        latency.record(FAST, Duration.ofMillis(120), true, clock.instant());
        health.publish(CircuitRecord.closed(FAST, clock.instant(), CircuitRecord.PROBE));
        SharedState good = cache.current();
        Instant goodAt = cache.lastRefreshed();
        stores.down = true;

        for (int i = 0; i < 3; i++) {
            clock.advance(MAX_AGE.plusSeconds(1));
            SharedState during = cache.current();
            assertEquals(good.latency(), during.latency());
            assertEquals(good.circuits(), during.circuits());
        }
        cache.current();

        assertTrue(cache.lastError().orElseThrow().contains("unreachable"), cache.lastError().orElseThrow());
        assertEquals(goodAt, cache.lastRefreshed());
        assertEquals(4, stores.latencyReads.get(), "one read per max age, not one per request");
        assertEquals(1, logged.list.stream().filter(e -> e.getLevel() == Level.WARN).count());

        stores.down = false;
        clock.advance(MAX_AGE.plusSeconds(1));
        cache.current();
        assertTrue(cache.lastError().isEmpty());
        assertEquals(clock.instant(), cache.lastRefreshed());
        assertEquals(1, logged.list.stream().filter(e -> e.getLevel() == Level.INFO).count());
    }

    @Test
    void anOutageFromTheStartGivesNeutralSignals() {
        stores.down = true;

        SharedState state = cache.current();

        assertNull(state.latency().of(FAST).emaMillis());
        assertTrue(state.circuits().isEmpty());
        assertNull(cache.lastRefreshed());
        assertTrue(cache.lastError().isPresent());
        assertFalse(instance.breakers().isOpen(FAST));
    }
}
