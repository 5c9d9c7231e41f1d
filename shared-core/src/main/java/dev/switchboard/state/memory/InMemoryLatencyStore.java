package dev.switchboard.state.memory;

import dev.switchboard.state.DeploymentLatency;
import dev.switchboard.state.LatencyBucket;
import dev.switchboard.state.LatencyHistogram;
import dev.switchboard.state.LatencySample;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencySnapshot;
import dev.switchboard.state.LatencyStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One process's latency, in the same time buckets as the DynamoDB adapter, for unit tests and for
 * measuring the gateway without DynamoDB. Not shared between instances, so never the default on
 * Lambda. One lock guards everything: each call holds it for a few counter updates.
 */
public final class InMemoryLatencyStore implements LatencyStore {

    private final LatencySettings settings;
    private final Clock clock;
    private final Map<String, TreeMap<Long, Counts>> byDeployment = new HashMap<>();

    public InMemoryLatencyStore(LatencySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void record(String deployment, Duration latency, boolean success, Instant at) {
        long millis = LatencySample.millis(deployment, latency);
        TreeMap<Long, Counts> buckets = byDeployment.computeIfAbsent(deployment, d -> new TreeMap<>());
        buckets.computeIfAbsent(settings.bucketStartOf(at), start -> new Counts()).add(millis, success);
        // Forget what no snapshot can see any more, so memory stays bounded.
        buckets.headMap(settings.firstBucketStartAt(clock.instant())).clear();
    }

    @Override
    public synchronized LatencySnapshot snapshot(Collection<String> deployments) {
        Instant now = clock.instant();
        long first = settings.firstBucketStartAt(now);
        long last = settings.bucketStartOf(now);
        Map<String, DeploymentLatency> figures = new HashMap<>();
        for (String deployment : deployments) {
            List<LatencyBucket> buckets = new ArrayList<>();
            byDeployment.getOrDefault(deployment, new TreeMap<>()).subMap(first, true, last, true)
                    .forEach((start, counts) -> buckets.add(counts.asBucket(start)));
            figures.put(deployment, DeploymentLatency.of(buckets, settings.alpha()));
        }
        return new LatencySnapshot(now, figures);
    }

    /** The mutable counters of one bucket; only touched under the store's lock. */
    private static final class Counts {
        private long calls;
        private long successes;
        private long successMillis;
        private final TreeMap<Integer, Long> histogram = new TreeMap<>();

        void add(long millis, boolean success) {
            calls++;
            if (success) {
                successes++;
                successMillis += millis;
                histogram.merge(LatencyHistogram.indexOf(millis), 1L, Long::sum);
            }
        }

        LatencyBucket asBucket(long start) {
            return new LatencyBucket(start, calls, successes, successMillis, histogram);
        }
    }
}
