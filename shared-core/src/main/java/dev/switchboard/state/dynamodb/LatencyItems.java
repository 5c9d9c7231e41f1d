package dev.switchboard.state.dynamodb;

import dev.switchboard.state.LatencyBucket;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.TreeMap;

/**
 * The latency items of the state table: one per deployment, shard and time bucket.
 * <pre>
 *   pk = "latency#" + deployment + "#" + shard     e.g. latency#openai/gpt-4o#0
 *   sk = "bucket#" + bucket start, epoch seconds, 12 digits (so that sort order is time order)
 *   calls, ok         numbers of calls and of successful calls
 *   ok_ms             sum of the successful calls' whole milliseconds
 *   h0 .. h160        successful calls per log-scale latency bucket (absent = 0)
 *   expires_at        TTL: a while after the bucket left every window
 * </pre>
 * The deployment is the partition key, so each deployment's writes go to its own partitions (and
 * with shards, to several); the sort key makes a deployment's buckets one range. The deployment
 * label is always followed by the shard number, which has no '#', so keys cannot collide.
 */
final class LatencyItems {

    static final String CALLS = "calls";
    static final String SUCCESSES = "ok";
    static final String SUCCESS_MILLIS = "ok_ms";
    static final String HISTOGRAM_PREFIX = "h";
    static final String PARTITION_PREFIX = "latency#";

    private LatencyItems() {
    }

    static String partition(String deployment, int shard) {
        return PARTITION_PREFIX + deployment + "#" + shard;
    }

    static Map<String, AttributeValue> key(String deployment, int shard, long bucketStart) {
        return Map.of(
                SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS(partition(deployment, shard)),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS(sortKey(bucketStart)));
    }

    static String sortKey(long bucketStart) {
        return String.format("bucket#%012d", bucketStart);
    }

    static String histogramAttribute(int index) {
        return HISTOGRAM_PREFIX + index;
    }

    /** The bucket an item read back holds. */
    static LatencyBucket bucket(Map<String, AttributeValue> item) {
        long start = Long.parseLong(item.get(SwitchboardTables.STATE.sortKey()).s().substring("bucket#".length()));
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(HISTOGRAM_PREFIX) && name.length() > 1
                    && name.chars().skip(1).allMatch(Character::isDigit)) {
                histogram.put(Integer.parseInt(name.substring(1)), Long.parseLong(value.n()));
            }
        });
        return new LatencyBucket(start, number(item, CALLS), number(item, SUCCESSES), number(item, SUCCESS_MILLIS),
                histogram);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
