package dev.switchboard.state;

import java.util.Map;
import java.util.SortedMap;

/**
 * The fixed log-scale latency buckets that percentiles are computed from. Bucket 0 holds 0 ms;
 * bucket i >= 1 holds [1.1^(i-1), 1.1^i) ms, up to about an hour (longer calls share the last
 * bucket; no call timeout is that long). Because the buckets are the same everywhere, histograms
 * from any number of writers and time buckets simply add up.
 *
 * <p>Error: a percentile is reported as the geometric middle of the bucket holding the exact
 * (nearest-rank) percentile of the samples, so it is within {@link #RELATIVE_ERROR} (about 4.9 %)
 * of it, above or below, whatever the distribution; 0 ms is exact.
 */
public final class LatencyHistogram {

    public static final double GROWTH = 1.1;
    /** The most a reported percentile differs from the exact one, relative to the exact one. */
    public static final double RELATIVE_ERROR = Math.sqrt(GROWTH) - 1;
    public static final int MAX_INDEX = 160;

    private static final double LOG_GROWTH = Math.log(GROWTH);

    private LatencyHistogram() {
    }

    /** The bucket {@code millis} falls in. */
    public static int indexOf(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must be at least 0 ms");
        }
        if (millis == 0) {
            return 0;
        }
        int index = 1 + (int) Math.floor(Math.log(millis) / LOG_GROWTH);
        return Math.min(index, MAX_INDEX);
    }

    /** The value a bucket reports: the geometric middle of its bounds (0 for bucket 0). */
    public static double representativeMillis(int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("no latency bucket " + index);
        }
        return index == 0 ? 0 : Math.pow(GROWTH, index - 1) * Math.sqrt(GROWTH);
    }

    /**
     * The nearest-rank {@code quantile} (e.g. 0.95) of the histogram {@code counts} (bucket index
     * to count, ascending), or null when it holds no samples.
     */
    public static Double percentile(SortedMap<Integer, Long> counts, double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return representativeMillis(bucket.getKey());
            }
        }
        return representativeMillis(counts.lastKey());
    }
}
