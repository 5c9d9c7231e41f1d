package dev.switchboard.state.dynamodb;

import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * BatchGetItem may leave keys unprocessed when throttled; DynamoDB Local never does, so a scripted
 * client stands in: the keys are asked for again after a doubling back-off, up to four attempts.
 */
class DynamoDbLatencyUnprocessedKeysTest {

    private static final String TABLE = "p-state";

    private final MutableClock clock = new MutableClock();
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    void unprocessedKeysAreAskedForAgainAfterABackOff() {
        ThrottlingClient dynamo = new ThrottlingClient(1);
        var store = new DynamoDbLatencyStore(dynamo, "p-", LatencySettings.defaults(), clock, sleeps::add);

        assertEquals(0, store.snapshot(Set.of("a/b")).of("a/b").calls());

        assertEquals(List.of(6, 6), dynamo.keysAsked);
        assertEquals(List.of(Duration.ofMillis(25)), sleeps);
    }

    @Test
    void keysStillUnprocessedAfterFourAttemptsMakeTheStoreUnavailable() {
        ThrottlingClient dynamo = new ThrottlingClient(Integer.MAX_VALUE);
        var store = new DynamoDbLatencyStore(dynamo, "p-", LatencySettings.defaults(), clock, sleeps::add);

        assertThrows(StateUnavailableException.class, () -> store.snapshot(Set.of("a/b")));

        assertEquals(4, dynamo.keysAsked.size());
        assertEquals(List.of(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
    }

    /** Answers the first {@code throttled} calls with every key unprocessed, then with no items. */
    private static final class ThrottlingClient implements DynamoDbClient {
        private final int throttled;
        final List<Integer> keysAsked = new ArrayList<>();

        ThrottlingClient(int throttled) {
            this.throttled = throttled;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            KeysAndAttributes asked = request.requestItems().get(TABLE);
            keysAsked.add(asked.keys().size());
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            if (keysAsked.size() <= throttled) {
                unprocessed.put(TABLE, asked);
            }
            Map<String, List<Map<String, AttributeValue>>> none = Map.of(TABLE, List.of());
            return BatchGetItemResponse.builder().responses(none).unprocessedKeys(unprocessed).build();
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
