package dev.switchboard.service;

import dev.switchboard.api.ProbeReport;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import dev.switchboard.state.DeploymentLatency;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;
import dev.switchboard.testsupport.CountingStores;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health probe: what it records, what it publishes, and that slow or concurrent runs stay sound. */
class ProbeServiceTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryLatencyStore latency = new InMemoryLatencyStore(LatencySettings.defaults(), clock);
    private final InMemoryHealthStore health = new InMemoryHealthStore();

    private static Map<String, ProbeReport.Result> byLabel(ProbeReport report) {
        return report.results().stream().collect(Collectors.toMap(r -> r.provider() + "/" + r.model(),
                Function.identity()));
    }

    private DeploymentLatency latencyOf(String label) {
        return latency.snapshot(List.of(label)).of(label);
    }

    @Test
    void aHealthyAnswerClosesAnOpenSharedCircuit() {
        SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini", "gpt-4o");
        health.publish(CircuitRecord.open("alpha/gpt-4o-mini", clock.instant().minusSeconds(30),
                CircuitRecord.INSTANCE, "TIMEOUT"));

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertEquals("CLOSED", results.get("alpha/gpt-4o-mini").circuit());
        assertNull(results.get("alpha/gpt-4o").circuit(), "closed already: nothing to publish");
        assertEquals(new CircuitRecord("alpha/gpt-4o-mini", CircuitState.CLOSED, clock.instant(), "probe", null),
                health.snapshot(List.of("alpha/gpt-4o-mini")).get("alpha/gpt-4o-mini"));
        assertFalse(health.snapshot(List.of("alpha/gpt-4o")).containsKey("alpha/gpt-4o"));
    }

    @Test
    void probePingsDoNotFeedTheLatencyFiguresRoutingUses() {
        // A busy deployment's real answers took 2 s; the probe's one-token pings answer at once.
        latency.record("alpha/gpt-4o", Duration.ofSeconds(2), true, clock.instant());
        DeploymentLatency before = latencyOf("alpha/gpt-4o");
        SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o", "gpt-4o-mini")
                .simulated("down", 1.0, "gpt-4o");

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertTrue(results.get("alpha/gpt-4o-mini").healthy());
        assertEquals("OPEN", results.get("down/gpt-4o").circuit());
        assertEquals(before, latencyOf("alpha/gpt-4o"), "EMA, percentiles and success rate stay the real calls'");
        assertEquals(DeploymentLatency.none(), latencyOf("alpha/gpt-4o-mini"), "an idle deployment stays unknown");
        assertEquals(DeploymentLatency.none(), latencyOf("down/gpt-4o"), "its failure shows in its circuit");
    }

    /** A simulated outage of alpha/gpt-4o-mini, set 30 s ago until 30 s from now, in the shared state. */
    private CircuitRecord simulatedOutageOfAlphaMini() {
        CircuitRecord simulated = CircuitRecord.simulated("alpha/gpt-4o-mini", clock.instant().minusSeconds(30),
                clock.instant().plusSeconds(30));
        health.publish(simulated);
        return simulated;
    }

    @Test
    void aHealthyAnswerDoesNotEndASimulatedOutageBeforeItsTime() {
        SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini");
        CircuitRecord simulated = simulatedOutageOfAlphaMini();

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertNull(results.get("alpha/gpt-4o-mini").circuit(), "nothing published over the outage");
        assertEquals(simulated, health.snapshot(List.of("alpha/gpt-4o-mini")).get("alpha/gpt-4o-mini"));
    }

    @Test
    void aFailingAnswerDoesNotReplaceASimulatedOutageEither() {
        SharedStateParts parts = new SharedStateParts().simulated("alpha", 1.0, "gpt-4o-mini");
        CircuitRecord simulated = simulatedOutageOfAlphaMini();

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertEquals("UNAVAILABLE", results.get("alpha/gpt-4o-mini").error());
        assertNull(results.get("alpha/gpt-4o-mini").circuit(), "nothing published over the outage");
        assertEquals(simulated, health.snapshot(List.of("alpha/gpt-4o-mini")).get("alpha/gpt-4o-mini"),
                "the hold and its end stand, so a healthy answer later cannot close it early");
    }

    @Test
    void aSimulatedOutageSetDuringTheRunIsNotEndedByAHealthyAnswer() {
        String label = "alpha/gpt-4o";
        health.publish(CircuitRecord.open(label, clock.instant().minusSeconds(10), CircuitRecord.INSTANCE, "TIMEOUT"));
        CircuitRecord[] simulated = new CircuitRecord[1];
        SharedStateParts parts = new SharedStateParts()
                .settings(new SharedStateSettings(Duration.ofSeconds(5), 1, Duration.ofSeconds(10)))
                .adapted("admin", new ScriptedProbeAdapter("test-admin", request -> {
                    // POST /simulate/failure, after the run read the shared circuits and before alpha's probe.
                    simulated[0] = CircuitRecord.simulated(label, clock.instant(), clock.instant().plusSeconds(600));
                    health.publish(simulated[0]);
                    clock.advance(Duration.ofSeconds(1));
                }), "gpt-4o-mini")
                .simulated("alpha", 0, "gpt-4o");

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertTrue(results.get(label).healthy());
        assertEquals(simulated[0], health.snapshot(List.of(label)).get(label));
    }

    @Test
    void aBreakerCountingFailureOpensTheSharedCircuitAndOthersDoNot() {
        SharedStateParts parts = new SharedStateParts().simulated("down", 1.0, "gpt-4o")
                .adapted("busy", new ScriptedProbeAdapter("test-busy", request -> {
                    throw new ProviderException("busy", ProviderException.Kind.RATE_LIMITED, "HTTP 429");
                }), "gpt-4o-mini");

        Map<String, ProbeReport.Result> results = byLabel(parts.probe(health, clock).probeAll());

        assertEquals("OPEN", results.get("down/gpt-4o").circuit());
        assertEquals("UNAVAILABLE", health.snapshot(List.of("down/gpt-4o")).get("down/gpt-4o").reason());
        assertEquals("RATE_LIMITED", results.get("busy/gpt-4o-mini").error());
        assertNull(results.get("busy/gpt-4o-mini").circuit(), "a 429 says nothing of the deployment's health");
    }

    @Test
    void aProviderThatNeverAnswersIsInconclusiveAndDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        SharedStateParts parts = new SharedStateParts()
                .settings(new SharedStateSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(200)))
                .adapted("stuck", new ScriptedProbeAdapter("test-stuck", request -> never.await()), "gpt-4o")
                .simulated("alpha", 0, "gpt-4o-mini", "claude-3-5-haiku-20241022", "gpt-4o");
        try {
            CompletableFuture<ProbeReport> run = CompletableFuture.supplyAsync(
                    () -> parts.probe(health, clock).probeAll());
            ProbeReport report = run.get(10, TimeUnit.SECONDS);

            Map<String, ProbeReport.Result> results = byLabel(report);
            assertEquals("TIMEOUT", results.get("stuck/gpt-4o").error());
            assertEquals(200, results.get("stuck/gpt-4o").latencyMs());
            assertNull(results.get("stuck/gpt-4o").circuit(), "cut by the probe's own timeout: proves nothing");
            assertTrue(health.snapshot(List.of("stuck/gpt-4o")).isEmpty());
            assertEquals(3, report.healthy());
            assertEquals(0, latencyOf("stuck/gpt-4o").calls());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTimeoutTheAdapterReportsAtTheProbesDeadlineIsInconclusiveToo() {
        ScriptedProbeAdapter adapter = new ScriptedProbeAdapter("test-slow", request -> {
            clock.advance(Duration.ofSeconds(10));
            throw new ProviderException("slow", ProviderException.Kind.TIMEOUT, "no first token in time");
        });
        SharedStateParts parts = new SharedStateParts().adapted("slow", adapter, "gpt-4o");

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals("TIMEOUT", result.error());
        assertNull(result.circuit());
        assertEquals(1, adapter.calls.get(), "no time left for a retry");
        assertTrue(health.snapshot(List.of("slow/gpt-4o")).isEmpty());
    }

    @Test
    void aHostThatNeverAcceptsTheConnectionOpensTheSharedCircuitThoughItsLastTryWasCutByTheProbesTime() {
        ScriptedProbeAdapter adapter = new ScriptedProbeAdapter("test-blackhole", request -> {
            Duration left = Duration.between(clock.instant(), request.deadline());
            clock.advance(left.compareTo(Duration.ofSeconds(5)) < 0 ? left : Duration.ofSeconds(5));
            throw new ProviderException("blackhole", ProviderException.Kind.TIMEOUT, "did not accept the connection in time");
        });
        SharedStateParts parts = new SharedStateParts().adapted("blackhole", adapter, "gpt-4o").probeSleeper(clock::advance);

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals(2, adapter.calls.get(), "a connect timeout, then a retry cut at the probe's deadline");
        assertEquals("OPEN", result.circuit());
    }

    @Test
    void oneTransientProbeFailureDoesNotOpenTheCircuitOnEveryInstance() {
        AtomicInteger calls = new AtomicInteger();
        SharedStateParts parts = new SharedStateParts()
                .adapted("alpha", new ScriptedProbeAdapter("test-blip", request -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new ProviderException("alpha", ProviderException.Kind.UNAVAILABLE, "HTTP 503", 503, null);
                    }
                }), "gpt-4o");
        SharedStateParts.Instance instance = parts.instance(latency, health, clock);

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);
        instance.cache().current();

        assertTrue(result.healthy());
        assertEquals(2, calls.get(), "retried once");
        assertFalse(instance.breakers().isOpen("alpha/gpt-4o"));
        assertTrue(health.snapshot(List.of("alpha/gpt-4o")).isEmpty());
    }

    @Test
    void theProbeRetriesAsACallDoesAndWaitsThroughItsSleeper() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ScriptedProbeAdapter adapter = new ScriptedProbeAdapter("test-503", request -> {
            throw new ProviderException("down", ProviderException.Kind.UNAVAILABLE, "HTTP 503", 503, null);
        });
        SharedStateParts parts = new SharedStateParts().adapted("down", adapter, "gpt-4o")
                .probeSleeper(wait -> {
                    waits.add(wait);
                    clock.advance(wait);
                });

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals(4, adapter.calls.get(), "the first call and 3 retries");
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), waits);
        assertEquals("OPEN", result.circuit(), "failing after every retry: the deployment is down");
        assertEquals(CircuitState.OPEN, health.snapshot(List.of("down/gpt-4o")).get("down/gpt-4o").state());
    }

    @Test
    void noRetryWaitCrossesTheProbeTimeout() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ScriptedProbeAdapter adapter = new ScriptedProbeAdapter("test-503s", request -> {
            throw new ProviderException("down", ProviderException.Kind.UNAVAILABLE, "HTTP 503", 503, null);
        });
        SharedStateParts parts = new SharedStateParts()
                .settings(new SharedStateSettings(Duration.ofSeconds(5), 1, Duration.ofMillis(300)))
                .adapted("down", adapter, "gpt-4o")
                .probeSleeper(wait -> {
                    waits.add(wait);
                    clock.advance(wait);
                });

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals(List.of(Duration.ofMillis(100)), waits, "100 + 200 ms would reach the 300 ms timeout");
        assertEquals(2, adapter.calls.get());
        assertEquals("UNAVAILABLE", result.error());
    }

    @Test
    void theProbeRequestCarriesTheProbeTimeoutAsItsDeadlineSoTheCallEndsByItself() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        SharedStateParts parts = new SharedStateParts()
                .settings(new SharedStateSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(700)))
                .adapted("seen", new ScriptedProbeAdapter("test-seen", seen::add), "gpt-4o");

        parts.probe(health, clock).probeAll();

        assertEquals(1, seen.size());
        assertEquals(clock.instant().plusMillis(700), seen.get(0).deadline());
        assertEquals(1, seen.get(0).maxTokens());
    }

    @Test
    void twoRunsAtOnceEndInOneConsistentState() throws Exception {
        // Each call waits until the other run's call arrives too, so the two runs surely overlap.
        CyclicBarrier bothCalling = new CyclicBarrier(2);
        ScriptedProbeAdapter adapter = new ScriptedProbeAdapter("test-together",
                request -> bothCalling.await(10, TimeUnit.SECONDS));
        SharedStateParts parts = new SharedStateParts().adapted("alpha", adapter, "gpt-4o");
        String label = "alpha/gpt-4o";
        health.publish(CircuitRecord.open(label, clock.instant().minusSeconds(10), CircuitRecord.INSTANCE, "TIMEOUT"));

        CompletableFuture<ProbeReport> first = CompletableFuture.supplyAsync(
                () -> parts.probe(health, clock).probeAll());
        CompletableFuture<ProbeReport> second = CompletableFuture.supplyAsync(
                () -> parts.probe(health, clock).probeAll());
        List<ProbeReport.Result> results = List.of(first.get(10, TimeUnit.SECONDS).results().get(0),
                second.get(10, TimeUnit.SECONDS).results().get(0));

        assertEquals(2, adapter.calls.get());
        assertTrue(results.stream().allMatch(ProbeReport.Result::healthy));
        assertEquals(1, results.stream().filter(r -> "CLOSED".equals(r.circuit())).count(),
                "both saw it healthy at the same instant: one write stands, the other is a no-op");
        assertEquals(CircuitState.CLOSED, health.snapshot(List.of(label)).get(label).state());
    }

    @Test
    void anUnreachableStoreStillGivesTheReport() {
        CountingStores stores = new CountingStores();
        stores.down = true;
        SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini")
                .simulated("down", 1.0, "gpt-4o");

        ProbeReport report = parts.probe(stores.health(health), clock).probeAll();

        assertEquals(1, report.healthy());
        assertEquals(1, report.unhealthy());
        assertTrue(report.results().stream().allMatch(r -> r.circuit() == null), "nothing could be published");
    }

    @Test
    void aKeyTheProbeCouldNotReadIsReportedAsSuchAndOpensNoCircuit() {
        SharedStateParts parts = new SharedStateParts().adapted("keyless", new ScriptedProbeAdapter("test-keyless",
                request -> {
                    throw ProviderException.keyUnreadable("keyless", "keyless's API key could not be read");
                }), "gpt-4o");

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals("KEY_UNREADABLE", result.error());
        assertNull(result.circuit(), "Secrets Manager failing says nothing of the provider's health");
        assertTrue(health.snapshot(List.of("keyless/gpt-4o")).isEmpty());
        assertEquals(0, latencyOf("keyless/gpt-4o").calls());
    }

    @Test
    void anAdaptersOwnBugIsReportedAndNeitherRecordedNorPublished() {
        SharedStateParts parts = new SharedStateParts().adapted("buggy", new ScriptedProbeAdapter("test-buggy",
                request -> {
                    throw new IllegalStateException("adapter bug");
                }), "gpt-4o");

        ProbeReport.Result result = parts.probe(health, clock).probeAll().results().get(0);

        assertEquals("UNEXPECTED", result.error());
        assertNull(result.circuit());
        assertEquals(0, latencyOf("buggy/gpt-4o").calls());
        assertTrue(health.snapshot(List.of("buggy/gpt-4o")).isEmpty());
    }
}
