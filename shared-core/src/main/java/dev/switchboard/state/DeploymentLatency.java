package dev.switchboard.state;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One deployment's latency over the window. Mean, EMA and percentiles cover successful calls only
 * and are null when there were none; percentiles are within {@link LatencyHistogram#RELATIVE_ERROR}.
 *
 * <p>The EMA is seed 004's per-request EMA ({@code ema = alpha * sample + (1 - alpha) * ema},
 * started at the first sample) run over the window's buckets oldest first, with each bucket's n
 * samples taken at the bucket's mean: one step of n samples is
 * {@code ema = (1 - alpha)^n * ema + (1 - (1 - alpha)^n) * mean}. Across instances nobody knows the
 * order of calls within a bucket, so this is as close to the seed's serial EMA as shared counters
 * allow: equal to it when each bucket holds one call or a bucket's calls took the same time; otherwise
 * it only redistributes weight among a bucket's own calls, so it differs by at most the widest
 * spread (slowest minus fastest) within one bucket, the latest buckets counting most. The seed's
 * EMA also remembers all history; this one forgets what is older than the window.
 */
public record DeploymentLatency(long calls, long successes, Double meanMillis, Double emaMillis,
                                Double p50Millis, Double p95Millis, Double p99Millis) {

    private static final DeploymentLatency NONE = new DeploymentLatency(0, 0, null, null, null, null, null);

    public DeploymentLatency {
        if (calls < 0 || successes < 0 || successes > calls) {
            throw new IllegalArgumentException("need 0 <= successes <= calls");
        }
    }

    /** Nothing recorded in the window. */
    public static DeploymentLatency none() {
        return NONE;
    }

    /** The statistics of {@code buckets} (any order; shards of one bucket may come separately). */
    public static DeploymentLatency of(Collection<LatencyBucket> buckets, double alpha) {
        Map<Long, LatencyBucket> byStart = new TreeMap<>();
        buckets.forEach(b -> byStart.merge(b.startEpochSecond(), b, LatencyBucket::plus));
        if (byStart.isEmpty()) {
            return NONE;
        }
        long calls = 0;
        long successes = 0;
        long successMillis = 0;
        Double ema = null;
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (LatencyBucket bucket : byStart.values()) {
            calls += bucket.calls();
            successes += bucket.successes();
            successMillis += bucket.successMillis();
            bucket.histogram().forEach((index, count) -> histogram.merge(index, count, Long::sum));
            ema = step(ema, bucket, alpha);
        }
        Double mean = successes == 0 ? null : (double) successMillis / successes;
        return new DeploymentLatency(calls, successes, mean, ema, LatencyHistogram.percentile(histogram, 0.50),
                LatencyHistogram.percentile(histogram, 0.95), LatencyHistogram.percentile(histogram, 0.99));
    }

    private static Double step(Double ema, LatencyBucket bucket, double alpha) {
        Double mean = bucket.meanMillis();
        if (mean == null) {
            return ema;
        }
        if (ema == null) {
            return mean;
        }
        double keep = Math.pow(1 - alpha, bucket.successes());
        return keep * ema + (1 - keep) * mean;
    }

    /** Share of calls that succeeded, or null when there were none. */
    public Double successRate() {
        return calls == 0 ? null : (double) successes / calls;
    }
}
