package dev.switchboard.state.dynamodb;

import dev.switchboard.state.RateLimits;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import dev.switchboard.state.VirtualKeyStoreContract;
import dev.switchboard.testsupport.LogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The virtual key contract on DynamoDB (Local, or LocalStack when selected), plus round trips and the item. */
class DynamoDbVirtualKeyStoreTest extends VirtualKeyStoreContract {

    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("vkey-test");

    @Override
    protected VirtualKeyStore store() {
        return new DynamoDbVirtualKeyStore(DB.client(), DB.prefix());
    }

    @Test
    void creationIsOneConditionalPutAndALookupOneGet() {
        VirtualKey key = new VirtualKey("vk_rt", "alice", null, RateLimits.NONE, Instant.parse("2036-01-01T00:00:00Z"), null);

        DB.calls().reset();
        store().create(hash(), key);
        assertEquals(List.of("PutItem"), DB.calls().operations());

        DB.calls().reset();
        store().findByHash(hash());
        store().findByHash(hash() + "-unknown");
        assertEquals(List.of("GetItem", "GetItem"), DB.calls().operations());
    }

    @Test
    void aRecordThatCannotBeReadRefusesItsKeyAndSaysSoInsteadOfFailingTheRequest() {
        String hash = hash() + "-malformed";
        DB.client().putItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix())).item(Map.of(
                "pk", AttributeValue.fromS("vkey#" + hash), "sk", AttributeValue.fromS("key"),
                "key_id", AttributeValue.fromS("vk_broken"), "user", AttributeValue.fromS("alice"))));

        try (LogLines logs = new LogLines()) {
            assertTrue(store().findByHash(hash).isEmpty());

            assertTrue(logs.at("ERROR").stream().anyMatch(line -> line.contains("vk_broken")), logs.lines().toString());
        }
    }

    @Test
    void theItemIsKeyedByTheHashAndHasNoTtl() {
        store().create(hash(), new VirtualKey("vk_item", "alice", null, RateLimits.NONE,
                Instant.parse("2036-01-01T00:00:00Z"), "ci"));

        Map<String, AttributeValue> item = DB.client().getItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix()))
                .key(Map.of("pk", AttributeValue.fromS("vkey#" + hash()), "sk", AttributeValue.fromS("key")))).item();

        assertEquals("vk_item", item.get("key_id").s());
        assertFalse(item.containsKey(SwitchboardTables.STATE.ttlAttribute()));
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            VirtualKeyStore unreachable = new DynamoDbVirtualKeyStore(nowhere, DB.prefix());

            assertThrows(StateUnavailableException.class, () -> unreachable.findByHash(hash()));
            assertThrows(StateUnavailableException.class, () -> unreachable.create(hash(),
                    new VirtualKey("vk_x", "alice", null, RateLimits.NONE, Instant.EPOCH, null)));
        }
    }
}
