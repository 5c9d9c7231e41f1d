package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.DeploymentLatency;
import dev.switchboard.state.LatencyBucket;
import dev.switchboard.state.LatencyHistogram;
import dev.switchboard.state.LatencySample;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencySnapshot;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.StateUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency in time-bucketed items of the state table (layout in {@link LatencyItems}).
 *
 * <p>Recording is one {@code UpdateItem} that ADDs the call count, the success count, the
 * milliseconds and one histogram count into the item of the call's bucket: DynamoDB applies each
 * atomically, so concurrent instances lose nothing, and nobody reads before writing. No condition is
 * needed: every add is valid whatever the item holds. A bucket's item is written by every call of
 * its deployment in that minute; with {@code shards > 1} an instance rotates its calls over the
 * shard items so that a very busy deployment (hundreds of calls a second) spreads over partitions.
 * An item holds at most about 170 small numbers (under 2 KB, so a write costs at most 2 WCU).
 *
 * <p>A snapshot is {@code BatchGetItem} of every (deployment, shard, bucket) key of the window: with
 * the defaults, 6 keys per deployment, so up to 16 deployments in one round trip; each further
 * 100 keys is one more round trip, and keys DynamoDB leaves unprocessed are asked for again after a
 * short back-off (one more round trip each time). Reads are eventually consistent (half the cost; a
 * lag under a second does not matter next to the router's few seconds of caching).
 */
public final class DynamoDbLatencyStore implements LatencyStore {

    /** Items outlive every window by this much before TTL may delete them; readers never rely on TTL. */
    private static final Duration KEEP_AFTER_WINDOW = Duration.ofHours(1);

    /** Shards tried by a record sent alone before it gives up for conflicts with transactions. */
    static final int CONFLICT_ATTEMPTS = 3;
    /** The pause before the same single shard is tried again, times the attempt. */
    static final Duration CONFLICT_PAUSE = Duration.ofMillis(20);

    private final DynamoDbClient dynamo;
    private final String table;
    private final LatencySettings settings;
    private final Clock clock;
    private final BatchGets reads;
    private final AtomicInteger nextShard = new AtomicInteger();
    private final Sleeper sleeper;

    public DynamoDbLatencyStore(DynamoDbClient dynamo, String tablePrefix, LatencySettings settings, Clock clock,
                                Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.settings = settings;
        this.clock = clock;
        this.reads = new BatchGets(dynamo, table, sleeper, "latency");
        this.sleeper = sleeper;
    }

    @Override
    public void record(String deployment, Duration latency, boolean success, Instant at) {
        for (int attempt = 1; ; attempt++) {
            // Each attempt takes the next shard: an update refused for a transaction under way on its item (a
            // settlement of the same deployment) was not applied, and another shard is most likely free; with one
            // shard, the same item after a pause (a transaction holds an item for some milliseconds).
            Update update = recording(deployment, latency, success, at);
            try {
                dynamo.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                        .updateExpression(update.updateExpression())
                        .expressionAttributeNames(update.expressionAttributeNames())
                        .expressionAttributeValues(update.expressionAttributeValues()));
                return;
            } catch (TransactionConflictException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new StateUnavailableException("recording latency in DynamoDB failed: every shard tried was "
                            + "in a transaction", e);
                }
                if (settings.shards() == 1 && !sleeper.sleepUnlessInterrupted(CONFLICT_PAUSE.multipliedBy(attempt))) {
                    throw new StateUnavailableException("interrupted while recording latency in DynamoDB", e);
                }
            } catch (SdkException e) {
                throw new StateUnavailableException("recording latency in DynamoDB failed", e);
            }
        }
    }

    /** The one update that records a call: sent alone by {@link #record}, or inside a request's settling transaction. */
    Update recording(String deployment, Duration latency, boolean success, Instant at) {
        long millis = LatencySample.millis(deployment, latency);
        long bucketStart = settings.bucketStartOf(at);
        long expiresAt = bucketStart + settings.bucket().getSeconds() + settings.window().getSeconds()
                + KEEP_AFTER_WINDOW.getSeconds();
        int shard = Math.floorMod(nextShard.getAndIncrement(), settings.shards());
        Map<String, String> names = new HashMap<>(Map.of("#calls", LatencyItems.CALLS,
                "#ttl", SwitchboardTables.STATE.ttlAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1"),
                ":ttl", AttributeValue.fromN(Long.toString(expiresAt))));
        String add = "ADD #calls :one";
        if (success) {
            add += ", #ok :one, #ms :ms, #h :one";
            names.put("#ok", LatencyItems.SUCCESSES);
            names.put("#ms", LatencyItems.SUCCESS_MILLIS);
            names.put("#h", LatencyItems.histogramAttribute(LatencyHistogram.indexOf(millis)));
            values.put(":ms", AttributeValue.fromN(Long.toString(millis)));
        }
        return Update.builder().tableName(table).key(LatencyItems.key(deployment, shard, bucketStart))
                .updateExpression(add + " SET #ttl = :ttl").expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
    }

    @Override
    public LatencySnapshot snapshot(Collection<String> deployments) {
        Instant now = clock.instant();
        Map<String, String> deploymentOfPartition = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        long step = settings.bucket().getSeconds();
        for (String deployment : new LinkedHashSet<>(deployments)) {
            for (int shard = 0; shard < settings.shards(); shard++) {
                deploymentOfPartition.put(LatencyItems.partition(deployment, shard), deployment);
                for (long start = settings.firstBucketStartAt(now); start <= settings.bucketStartOf(now); start += step) {
                    keys.add(LatencyItems.key(deployment, shard, start));
                }
            }
        }
        Map<String, List<LatencyBucket>> buckets = new HashMap<>();
        for (Map<String, AttributeValue> item : reads.fetch(keys)) {
            String deployment = deploymentOfPartition.get(item.get(SwitchboardTables.STATE.partitionKey()).s());
            buckets.computeIfAbsent(deployment, d -> new ArrayList<>()).add(LatencyItems.bucket(item));
        }
        Map<String, DeploymentLatency> figures = new HashMap<>();
        for (String deployment : deployments) {
            figures.put(deployment, DeploymentLatency.of(buckets.getOrDefault(deployment, List.of()), settings.alpha()));
        }
        return new LatencySnapshot(now, figures);
    }
}
