package dev.switchboard.state.dynamodb;

import dev.switchboard.state.DeploymentLatency;
import dev.switchboard.state.LatencyHistogram;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.testing.TestAws;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four independent clients (four Lambda instances) and 64 threads record calls to one deployment
 * at once, spread over 4 shards and 2 time buckets: the counts read back are exactly those recorded.
 */
class DynamoDbLatencyConcurrencyTest {

    private static final int CLIENTS = 4;
    private static final int THREADS = 64;
    private static final int RECORDS_PER_THREAD = 16;

    @Test
    void concurrentInstancesLoseNoCall() throws Exception {
        String prefix = "latency-race-" + ProcessHandle.current().pid() + "-";
        MutableClock clock = new MutableClock();
        clock.advance(Duration.ofDays(3650)); // past the machine's clock, so DynamoDB Local's TTL deletes nothing
        LatencySettings settings = new LatencySettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 4);
        String deployment = "openai/gpt-4o";
        List<DynamoDbClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<LatencyStore> stores = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                DynamoDbClient client = TestAws.dynamoDbClient();
                clients.add(client);
                stores.add(new DynamoDbLatencyStore(client, prefix, settings, clock, d -> { }));
            }
            new TableProvisioner(clients.get(0)).createMissing(prefix);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                LatencyStore store = stores.get(t % CLIENTS);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                        store.record(deployment, Duration.ofMillis(latencyOf(thread, i)), succeeds(thread, i),
                                clock.instant().minusSeconds(i % 2 * 60));
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            long elapsedMs = (System.nanoTime() - began) / 1_000_000;

            long expectedCalls = (long) THREADS * RECORDS_PER_THREAD;
            long expectedSuccesses = 0;
            long expectedMillis = 0;
            List<Long> successLatencies = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                    if (succeeds(t, i)) {
                        expectedSuccesses++;
                        expectedMillis += latencyOf(t, i);
                        successLatencies.add(latencyOf(t, i));
                    }
                }
            }
            successLatencies.sort(null);
            long exactP95 = successLatencies.get((int) Math.ceil(0.95 * successLatencies.size()) - 1);
            DeploymentLatency figures = stores.get(1).snapshot(Set.of(deployment)).of(deployment);
            long readMillis = Math.round(figures.meanMillis() * figures.successes());

            System.out.printf("latency race: clients=%d threads=%d recorded=%d final calls=%d successes=%d/%d "
                            + "successMillis=%d/%d p95=%.1f (exact %d) elapsed=%dms%n", CLIENTS, THREADS,
                    expectedCalls, figures.calls(), figures.successes(), expectedSuccesses, readMillis,
                    expectedMillis, figures.p95Millis(), exactP95, elapsedMs);
            assertEquals(expectedCalls, figures.calls());
            assertEquals(expectedSuccesses, figures.successes());
            assertEquals(expectedMillis, readMillis);
            assertTrue(Math.abs(figures.p95Millis() - exactP95) <= LatencyHistogram.RELATIVE_ERROR * exactP95);
        } finally {
            pool.shutdownNow();
            clients.forEach(DynamoDbClient::close);
        }
    }

    private static long latencyOf(int thread, int i) {
        return 40 + (thread * 37L + i * 113L) % 1500;
    }

    private static boolean succeeds(int thread, int i) {
        return (thread + i) % 9 != 0;
    }
}
