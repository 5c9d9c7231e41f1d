package dev.switchboard.testsupport;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.LatencySnapshot;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.StateUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores that count their reads, can be switched off to act out an outage, and can hold a latency
 * read until the test lets it go (to catch a second reader in the act).
 */
public final class CountingStores {

    public final AtomicInteger latencyReads = new AtomicInteger();
    public final AtomicInteger healthReads = new AtomicInteger();
    public volatile boolean down;
    /** When set, the next latency read counts this down on entry and waits for {@link #release}. */
    public volatile CountDownLatch entered;
    public final CountDownLatch release = new CountDownLatch(1);

    public LatencyStore latency(LatencyStore inner) {
        return new LatencyStore() {
            @Override
            public void record(String deployment, Duration latency, boolean success, Instant at) {
                check();
                inner.record(deployment, latency, success, at);
            }

            @Override
            public LatencySnapshot snapshot(Collection<String> deployments) {
                latencyReads.incrementAndGet();
                CountDownLatch hold = entered;
                if (hold != null) {
                    entered = null;
                    hold.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                check();
                return inner.snapshot(deployments);
            }
        };
    }

    public HealthStore health(HealthStore inner) {
        return new HealthStore() {
            @Override
            public boolean publish(CircuitRecord record) {
                check();
                return inner.publish(record);
            }

            @Override
            public Map<String, CircuitRecord> snapshot(Collection<String> deployments) {
                healthReads.incrementAndGet();
                check();
                return inner.snapshot(deployments);
            }
        };
    }

    private void check() {
        if (down) {
            throw new StateUnavailableException("state store unreachable (test)", null);
        }
    }
}
