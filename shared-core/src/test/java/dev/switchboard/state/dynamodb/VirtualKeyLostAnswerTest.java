package dev.switchboard.state.dynamodb;

import dev.switchboard.state.RateLimits;
import dev.switchboard.state.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key's creation whose answer is lost is repeated with its token: stored once, never refused as its own duplicate. */
class VirtualKeyLostAnswerTest {

    private final LosesTransactionAnswers losesAnswers = new LosesTransactionAnswers();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(losesAnswers);
    private final String prefix = "vkey-lost-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void aCreationThatLandedButWhoseAnswerWasLostSucceedsOnItsRepeat() {
        new TableProvisioner(dynamo).createMissing(prefix);
        DynamoDbVirtualKeyStore store = new DynamoDbVirtualKeyStore(dynamo, prefix);
        losesAnswers.afterCommit.set(true);

        store.create("hash-landed", key("vk_landed"));

        assertEquals("vk_landed", store.findByHash("hash-landed").orElseThrow().id());
        assertEquals(List.of("vk_landed"), ids(store));
    }

    @Test
    void aCreationLostBeforeSendingIsWrittenByItsRepeat() {
        new TableProvisioner(dynamo).createMissing(prefix);
        DynamoDbVirtualKeyStore store = new DynamoDbVirtualKeyStore(dynamo, prefix);
        losesAnswers.beforeSending.set(true);

        store.create("hash-unsent", key("vk_unsent"));

        assertTrue(store.findByHash("hash-unsent").isPresent());
        assertEquals(List.of("vk_unsent"), ids(store));
    }

    private static VirtualKey key(String id) {
        return new VirtualKey(id, "alice", null, RateLimits.NONE, Instant.parse("2036-01-01T00:00:00Z"), null);
    }

    private static List<String> ids(DynamoDbVirtualKeyStore store) {
        return store.list(null, 10, null).keys().stream().map(listed -> listed.key().id()).toList();
    }
}
