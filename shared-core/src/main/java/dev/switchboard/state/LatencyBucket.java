package dev.switchboard.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one time bucket of one deployment holds, as stored: how many calls and successes, the sum of
 * the successful calls' milliseconds and their {@link LatencyHistogram}. Shards of the same bucket
 * are {@link #plus added} before use.
 *
 * @param startEpochSecond where the bucket starts
 * @param histogram        bucket index to count of successful calls; indexes with no calls are absent
 */
public record LatencyBucket(long startEpochSecond, long calls, long successes, long successMillis,
                            SortedMap<Integer, Long> histogram) {

    public LatencyBucket {
        if (calls < 0 || successes < 0 || successes > calls || successMillis < 0) {
            throw new IllegalArgumentException("a latency bucket needs 0 <= successes <= calls and a sum >= 0");
        }
        histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
    }

    /** The same bucket with another shard's (or writer's) counts added. */
    public LatencyBucket plus(LatencyBucket other) {
        if (other.startEpochSecond != startEpochSecond) {
            throw new IllegalArgumentException("only the same time bucket can be added");
        }
        TreeMap<Integer, Long> merged = new TreeMap<>(histogram);
        other.histogram.forEach((index, count) -> merged.merge(index, count, Long::sum));
        return new LatencyBucket(startEpochSecond, calls + other.calls, successes + other.successes,
                successMillis + other.successMillis, merged);
    }

    /** The mean of the successful calls, or null when none succeeded. */
    public Double meanMillis() {
        return successes == 0 ? null : (double) successMillis / successes;
    }
}
