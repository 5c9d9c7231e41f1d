package dev.switchboard.state;

import java.time.Duration;
import java.time.Instant;

/**
 * How latency is aggregated. Defaults: a 5-minute window of 1-minute buckets and the EMA weight 0.3
 * of seed 004, one shard per deployment.
 *
 * @param window how far back percentiles, success rate and the EMA look; a whole number of buckets
 * @param bucket the width of one time bucket (one stored item per deployment and shard), whole seconds
 * @param alpha  the EMA weight of each new sample, in (0, 1]
 * @param shards how many items each bucket of one deployment is spread over, to spread a hot
 *               deployment's writes over several partitions; every read fetches all of them
 */
public record LatencySettings(Duration window, Duration bucket, double alpha, int shards) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_BUCKET = Duration.ofMinutes(1);
    public static final double DEFAULT_ALPHA = 0.3;
    public static final int DEFAULT_SHARDS = 1;
    /** Bounds the items one deployment's snapshot reads: buckets per window times shards. */
    static final int MAX_BUCKETS_PER_WINDOW = 60;
    static final int MAX_SHARDS = 16;

    private static final LatencySettings DEFAULTS =
            new LatencySettings(DEFAULT_WINDOW, DEFAULT_BUCKET, DEFAULT_ALPHA, DEFAULT_SHARDS);

    public LatencySettings {
        if (window == null || bucket == null) {
            throw new IllegalArgumentException("window and bucket are required");
        }
        if (bucket.getNano() != 0 || bucket.getSeconds() < 1) {
            throw new IllegalArgumentException("bucket must be a whole number of seconds, at least 1 s: " + bucket);
        }
        if (window.isNegative() || window.isZero() || window.getNano() != 0
                || window.getSeconds() % bucket.getSeconds() != 0) {
            throw new IllegalArgumentException("window must be a positive whole number of buckets: " + window);
        }
        if (window.getSeconds() / bucket.getSeconds() > MAX_BUCKETS_PER_WINDOW) {
            throw new IllegalArgumentException("window may hold at most " + MAX_BUCKETS_PER_WINDOW + " buckets");
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be in [1, " + MAX_SHARDS + "]: " + shards);
        }
    }

    public static LatencySettings defaults() {
        return DEFAULTS;
    }

    /** The start, in epoch seconds, of the bucket holding {@code at}. */
    public long bucketStartOf(Instant at) {
        long width = bucket.getSeconds();
        return Math.floorDiv(at.getEpochSecond(), width) * width;
    }

    /**
     * The oldest bucket start a snapshot at {@code now} covers: the current bucket and the
     * window's worth of whole buckets before it, so every sample younger than the window counts
     * (and none older than window plus one bucket).
     */
    public long firstBucketStartAt(Instant now) {
        return bucketStartOf(now) - window.getSeconds();
    }

    /** How many buckets a snapshot reads per deployment and shard. */
    public int bucketsPerSnapshot() {
        return (int) (window.getSeconds() / bucket.getSeconds()) + 1;
    }
}
