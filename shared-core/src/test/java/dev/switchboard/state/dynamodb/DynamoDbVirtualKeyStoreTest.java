package dev.switchboard.state.dynamodb;

import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void creationIsOneTransactionALookupOneGetAPageOneQueryAndARevocationTwoCalls() {
        VirtualKey key = new VirtualKey(id("rt"), user("alice"), null, RateLimits.NONE,
                Instant.parse("2036-01-01T00:00:00Z"), null);

        DB.calls().reset();
        store().create(hash(), key);
        assertEquals(List.of("TransactWriteItems"), DB.calls().operations());

        DB.calls().reset();
        store().findByHash(hash());
        store().findByHash(hash() + "-unknown");
        assertEquals(List.of("GetItem", "GetItem"), DB.calls().operations());

        DB.calls().reset();
        store().list(null, 20, null);
        assertEquals(List.of("Query"), DB.calls().operations());

        DB.calls().reset();
        store().revoke(key.id(), Instant.parse("2036-01-02T00:00:00Z"));
        assertEquals(List.of("GetItem", "TransactWriteItems"), DB.calls().operations());

        DB.calls().reset();
        store().revoke(key.id(), Instant.parse("2036-01-03T00:00:00Z"));
        assertEquals(List.of("GetItem"), DB.calls().operations(), "already revoked: nothing to write");
    }

    @Test
    void aListEntryThatCannotBeReadIsLeftOutOfTheListAndSaysSo() {
        String alice = user("alice");
        store().create(hash(), new VirtualKey(id("fine"), alice, null, RateLimits.NONE, Instant.EPOCH, null));
        Map<String, AttributeValue> broken = Map.of("pk", AttributeValue.fromS("vkeys"),
                "sk", AttributeValue.fromS(id("broken")));
        Map<String, AttributeValue> item = new HashMap<>(broken);
        item.putAll(Map.of("key_id", AttributeValue.fromS(id("broken")), "user", AttributeValue.fromS(alice)));
        String table = SwitchboardTables.STATE.physicalName(DB.prefix());
        DB.client().putItem(b -> b.tableName(table).item(item));

        try (LogLines logs = new LogLines()) {
            assertEquals(List.of(id("fine")), store().list(null, 10, alice).keys().stream()
                    .map(listed -> listed.key().id()).toList());

            assertTrue(logs.at("ERROR").stream().anyMatch(line -> line.contains(id("broken"))), logs.lines().toString());
        } finally {
            // The other tests count the calls of a page, which a skipped entry would lengthen.
            DB.client().deleteItem(b -> b.tableName(table).key(broken));
        }
    }

    @Test
    void aFilteredListReadsOnUntilItsPageIsFull() {
        String rare = user("rare");
        for (int i = 0; i < 3; i++) {
            store().create(hash() + "-" + i, new VirtualKey(id("r" + i), rare, null, RateLimits.NONE, Instant.EPOCH, null));
        }
        // Other tests' keys sit between these in the one list partition; one entry read per call.
        DynamoDbVirtualKeyStore narrow = new DynamoDbVirtualKeyStore(DB.client(), DB.prefix(), 1);

        DB.calls().reset();
        KeyPage first = narrow.list(null, 2, rare);
        assertTrue(DB.calls().operations().size() >= 3, DB.calls().operations().toString());
        KeyPage rest = narrow.list(first.nextAfter(), 2, rare);

        assertEquals(List.of(id("r0"), id("r1")), first.keys().stream().map(listed -> listed.key().id()).toList());
        assertEquals(id("r1"), first.nextAfter());
        assertEquals(List.of(id("r2")), rest.keys().stream().map(listed -> listed.key().id()).toList());
        assertNull(rest.nextAfter());
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
    void aChangeIsOneReadAndOneTransactionAndTwoChangesAtOnceBothApply() {
        VirtualKey key = new VirtualKey(id("racing"), user("alice"), null, RateLimits.NONE, Instant.EPOCH, "ci");
        store().create(hash(), key);

        DB.calls().reset();
        store().update(key.id(), k -> new VirtualKey(k.id(), k.user(), k.budget(), RateLimits.rpm(5), k.createdAt(),
                k.name()));
        assertEquals(List.of("GetItem", "TransactWriteItems"), DB.calls().operations());

        // The other change lands between this one's read and its write: this one is applied again on top of it.
        AtomicInteger applied = new AtomicInteger();
        VirtualKey after = store().update(key.id(), k -> {
            if (applied.getAndIncrement() == 0) {
                store().update(key.id(), other -> new VirtualKey(other.id(), other.user(), other.budget(),
                        other.limits(), other.createdAt(), "renamed elsewhere"));
            }
            return new VirtualKey(k.id(), k.user(), k.budget(), RateLimits.rpm(7), k.createdAt(), k.name());
        }).orElseThrow().key();

        assertEquals(2, applied.get(), "read again after losing the race");
        assertEquals("renamed elsewhere", after.name(), "the other change stays");
        assertEquals(RateLimits.rpm(7), after.limits());
        assertEquals(after, store().findByHash(hash()).orElseThrow());
    }

    @Test
    void aChangeKeepsTheAttributesANewerVersionWroteAndRemovesTheFieldsItClears() {
        VirtualKey key = new VirtualKey(id("future"), user("alice"), null, RateLimits.rpm(3), Instant.EPOCH, "ci",
                null, List.of("gemini"));
        store().create(hash(), key);
        String table = SwitchboardTables.STATE.physicalName(DB.prefix());
        Map<String, AttributeValue> keyItem = Map.of("pk", AttributeValue.fromS("vkey#" + hash()),
                "sk", AttributeValue.fromS("key"));
        Map<String, AttributeValue> entry = Map.of("pk", AttributeValue.fromS(DynamoDbVirtualKeyStore.LIST_PARTITION),
                "sk", AttributeValue.fromS(key.id()));
        for (Map<String, AttributeValue> item : List.of(keyItem, entry)) {
            DB.client().updateItem(b -> b.tableName(table).key(item).updateExpression("SET future_field = :f")
                    .expressionAttributeValues(Map.of(":f", AttributeValue.fromS("kept"))));
        }

        store().update(key.id(), k -> new VirtualKey(k.id(), k.user(), null, RateLimits.NONE, k.createdAt(), null));

        for (Map<String, AttributeValue> item : List.of(keyItem, entry)) {
            Map<String, AttributeValue> now = DB.client().getItem(b -> b.tableName(table).key(item)).item();
            assertEquals("kept", now.get("future_field").s(), item.toString());
            assertFalse(now.containsKey("rpm") || now.containsKey("name") || now.containsKey("models"), now.toString());
        }
        assertEquals(List.of(), store().findByHash(hash()).orElseThrow().models());
    }

    @Test
    void aTransactionConflictIsALostRaceAndTheChangeIsAppliedAgain() {
        VirtualKey key = new VirtualKey(id("conflict"), user("alice"), null, RateLimits.NONE, Instant.EPOCH, null);
        store().create(hash(), key);
        // DynamoDB cancels a transaction that meets another one on the same items with TransactionConflict.
        AtomicInteger writes = new AtomicInteger();
        DynamoDbClient conflicting = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && writes.getAndIncrement() == 0) {
                        throw TransactionCanceledException.builder().message("Transaction cancelled")
                                .cancellationReasons(CancellationReason.builder().code("None").build(),
                                        CancellationReason.builder().code("TransactionConflict").build()).build();
                    }
                    try {
                        return method.invoke(DB.client(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        VirtualKey after = new DynamoDbVirtualKeyStore(conflicting, DB.prefix()).update(key.id(),
                k -> new VirtualKey(k.id(), k.user(), null, RateLimits.rpm(9), k.createdAt(), null)).orElseThrow().key();

        assertEquals(2, writes.get(), "written again after the conflict");
        assertEquals(RateLimits.rpm(9), after.limits());
        assertEquals(RateLimits.rpm(9), store().findByHash(hash()).orElseThrow().limits());
    }

    @Test
    void aKeyRevokedWhileItIsChangedStaysRevoked() {
        VirtualKey key = new VirtualKey(id("revoked-midway"), user("alice"), null, RateLimits.NONE, Instant.EPOCH,
                null);
        store().create(hash(), key);

        ListedKey answer = store().update(key.id(), k -> {
            store().revoke(k.id(), Instant.EPOCH.plusSeconds(5));
            return new VirtualKey(k.id(), k.user(), null, RateLimits.rpm(1), k.createdAt(), "late");
        }).orElseThrow();

        assertTrue(answer.revoked());
        assertTrue(store().findByHash(hash()).isEmpty(), "the change did not bring the key item back");
    }

    @Test
    void aListedKeyWhoseKeyItemWasDeletedByHandIsNotChangedOverAndOverButReported() {
        VirtualKey key = new VirtualKey(id("orphan"), user("alice"), null, RateLimits.NONE, Instant.EPOCH, null);
        store().create(hash(), key);
        DB.client().deleteItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix())).key(Map.of(
                "pk", AttributeValue.fromS("vkey#" + hash()), "sk", AttributeValue.fromS("key"))));

        DB.calls().reset();
        StateUnavailableException refused = assertThrows(StateUnavailableException.class,
                () -> store().update(key.id(), k -> new VirtualKey(k.id(), k.user(), null, RateLimits.rpm(1),
                        k.createdAt(), "x")));

        assertTrue(refused.getMessage().contains("key item is missing"), refused.getMessage());
        assertEquals(List.of("GetItem", "TransactWriteItems"), DB.calls().operations(), "not tried again");
        assertTrue(store().findByHash(hash()).isEmpty(), "nothing brought back");
    }

    @Test
    void modelsThatAreNotAListOfNamesRefuseTheKeyRatherThanLetItUseEveryModel() {
        Map<String, AttributeValue> base = Map.of("pk", AttributeValue.fromS("vkey#" + hash() + "-models"),
                "sk", AttributeValue.fromS("key"), "key_id", AttributeValue.fromS("vk_models"),
                "user", AttributeValue.fromS("alice"), "created_at", AttributeValue.fromS("2026-11-30T00:00:00Z"));
        for (AttributeValue models : List.of(AttributeValue.fromSs(List.of("gemini")), AttributeValue.fromL(List.of()),
                AttributeValue.fromL(List.of(AttributeValue.fromN("4"))), AttributeValue.fromS("gemini"))) {
            Map<String, AttributeValue> item = new HashMap<>(base);
            item.put("models", models);
            DB.client().putItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix())).item(item));

            assertTrue(store().findByHash(hash() + "-models").isEmpty(), models.toString());
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
        Map<String, AttributeValue> entry = DB.client().getItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix()))
                .key(Map.of("pk", AttributeValue.fromS("vkeys"), "sk", AttributeValue.fromS("vk_item")))).item();
        assertEquals(hash(), entry.get("key_hash").s());
        assertEquals("ci", entry.get("name").s());
        assertFalse(entry.containsKey(SwitchboardTables.STATE.ttlAttribute()));
    }

    @Test
    void aCreationDynamoDbRefusesIsNotRepeated() {
        VirtualKeyStore noTable = new DynamoDbVirtualKeyStore(DB.client(), "no-such-prefix-");

        DB.calls().reset();
        assertThrows(StateUnavailableException.class, () -> noTable.create(hash(),
                new VirtualKey(id("refused"), "alice", null, RateLimits.NONE, Instant.EPOCH, null)));

        assertEquals(List.of("TransactWriteItems"), DB.calls().operations(), "a missing table is no lost answer");
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
            assertThrows(StateUnavailableException.class, () -> unreachable.list(null, 5, null));
            assertThrows(StateUnavailableException.class, () -> unreachable.revoke("vk_x", Instant.EPOCH));
        }
    }
}
