package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.StateUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads many keys with {@code BatchGetItem}: 100 keys per round trip (DynamoDB's limit),
 * and keys it leaves unprocessed (throttling) asked for again after a doubling back-off, up to four
 * attempts per batch. Eventually consistent: callers cache what they read for seconds anyway.
 */
final class BatchGets {

    static final int KEYS_PER_BATCH = 100;
    static final int ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(25);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Sleeper sleeper;
    private final String what;

    /** {@code what} names the data in error messages, e.g. "circuit states". */
    BatchGets(DynamoDbClient dynamo, String table, Sleeper sleeper, String what) {
        this.dynamo = dynamo;
        this.table = table;
        this.sleeper = sleeper;
        this.what = what;
    }

    /** The items found for {@code keys} (missing keys are simply absent), in no particular order. */
    List<Map<String, AttributeValue>> fetch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_BATCH) {
            items.addAll(fetchBatch(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_BATCH))));
        }
        return items;
    }

    private List<Map<String, AttributeValue>> fetchBatch(List<Map<String, AttributeValue>> keys) {
        KeysAndAttributes wanted = KeysAndAttributes.builder().keys(keys).consistentRead(false).build();
        return fetchTables(dynamo, Map.of(table, wanted), sleeper, what).getOrDefault(table, List.of());
    }

    /**
     * One batch over any tables (at most 100 keys in all): the items found per table, asking again for
     * what DynamoDB leaves unprocessed. Every extra attempt is one more round trip.
     */
    static Map<String, List<Map<String, AttributeValue>>> fetchTables(DynamoDbClient dynamo,
                                                                      Map<String, KeysAndAttributes> wanted,
                                                                      Sleeper sleeper, String what) {
        TablesRead read = readTables(dynamo, wanted, sleeper, what);
        if (read.failure() != null) {
            throw read.failure();
        }
        return read.items();
    }

    /**
     * As {@link #fetchTables}, but a read that fails keeps what the tables that answered gave: DynamoDB answers a
     * batch none of whose keys it can serve (one hot item, asked again alone) with a throttling error rather than
     * with unprocessed keys, so a caller that can do without one table may still use the others' items.
     */
    static TablesRead readTables(DynamoDbClient dynamo, Map<String, KeysAndAttributes> wanted, Sleeper sleeper,
                                 String what) {
        Map<String, List<Map<String, AttributeValue>>> items = new HashMap<>();
        Map<String, KeysAndAttributes> pending = wanted;
        Duration backoff = FIRST_BACKOFF;
        try {
            for (int attempt = 1; ; attempt++) {
                Map<String, KeysAndAttributes> ask = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                response.responses().forEach((t, found) -> items.computeIfAbsent(t, k -> new ArrayList<>()).addAll(found));
                if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                    return new TablesRead(items, Set.of(), null);
                }
                pending = response.unprocessedKeys();
                if (attempt == ATTEMPTS) {
                    return new TablesRead(items, pending.keySet(), new StateUnavailableException("DynamoDB left " + what
                            + " keys unprocessed " + attempt + " times", null));
                }
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        } catch (SdkException e) {
            return new TablesRead(items, pending.keySet(),
                    new StateUnavailableException("reading " + what + " from DynamoDB failed", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TablesRead(items, pending.keySet(),
                    new StateUnavailableException("interrupted while reading " + what + " from DynamoDB", e));
        }
    }

    /**
     * What a batch read gave per table, and, when it failed, why and the tables some of whose keys were never read.
     *
     * @param failure null when every key was read
     */
    record TablesRead(Map<String, List<Map<String, AttributeValue>>> items, Set<String> pendingTables,
                      StateUnavailableException failure) {
    }
}
