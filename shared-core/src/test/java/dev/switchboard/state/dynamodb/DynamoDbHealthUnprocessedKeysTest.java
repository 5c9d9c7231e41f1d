package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.StateUnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * DynamoDB Local never leaves keys unprocessed, so a scripted client does: the first answer holds
 * one deployment's item and leaves the other key for later; the second answers it after a back-off.
 */
class DynamoDbHealthUnprocessedKeysTest {

    private static final String TABLE = "p-state";
    private static final Instant AT = Instant.parse("2036-11-22T12:00:00Z");

    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    void unprocessedKeysAreAskedForAgainAndTheirItemsKept() {
        ScriptedClient dynamo = new ScriptedClient(1);
        var store = new DynamoDbHealthStore(dynamo, "p-", sleeps::add);

        var found = store.snapshot(List.of("a/one", "b/two"));

        assertEquals(CircuitRecord.open("a/one", AT, CircuitRecord.PROBE, "TIMEOUT"), found.get("a/one"));
        assertEquals(CircuitRecord.open("b/two", AT, CircuitRecord.PROBE, "TIMEOUT"), found.get("b/two"));
        assertEquals(List.of(2, 1), dynamo.keysAsked);
        assertEquals(List.of(Duration.ofMillis(25)), sleeps);
    }

    @Test
    void keysStillUnprocessedAfterFourAttemptsMakeTheStoreUnavailable() {
        ScriptedClient dynamo = new ScriptedClient(Integer.MAX_VALUE);
        var store = new DynamoDbHealthStore(dynamo, "p-", sleeps::add);

        assertThrows(StateUnavailableException.class, () -> store.snapshot(List.of("a/one", "b/two")));

        assertEquals(4, dynamo.keysAsked.size());
        assertEquals(List.of(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
    }

    /** Answers the first key of each call and leaves the rest unprocessed, for the first {@code throttled} calls. */
    private static final class ScriptedClient implements DynamoDbClient {
        private final int throttled;
        final List<Integer> keysAsked = new ArrayList<>();

        ScriptedClient(int throttled) {
            this.throttled = throttled;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            List<Map<String, AttributeValue>> keys = request.requestItems().get(TABLE).keys();
            keysAsked.add(keys.size());
            boolean throttle = keysAsked.size() <= throttled;
            List<Map<String, AttributeValue>> answered = new ArrayList<>();
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            if (throttle) {
                if (throttled == Integer.MAX_VALUE) {
                    unprocessed.put(TABLE, KeysAndAttributes.builder().keys(keys).build());
                } else {
                    answered.add(itemFor(keys.get(0)));
                    unprocessed.put(TABLE, KeysAndAttributes.builder().keys(keys.subList(1, keys.size())).build());
                }
            } else {
                keys.forEach(k -> answered.add(itemFor(k)));
            }
            return BatchGetItemResponse.builder().responses(Map.of(TABLE, answered)).unprocessedKeys(unprocessed).build();
        }

        private static Map<String, AttributeValue> itemFor(Map<String, AttributeValue> key) {
            String deployment = key.get("pk").s().substring("health#".length());
            return HealthItems.item(CircuitRecord.open(deployment, AT, CircuitRecord.PROBE, "TIMEOUT"), 0);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
