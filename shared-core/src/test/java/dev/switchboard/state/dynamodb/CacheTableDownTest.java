package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.StateLookup;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response cache is advice: on DynamoDB Local with the cache table gone (as when it is missing,
 * not granted or throttled), requests are answered as cache misses, with the day's spend still read
 * and the budget still enforced, and no state outage is reported. The state table gone is still an outage.
 */
class CacheTableDownTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 500, false, null);

    private final DynamoDbCalls calls = new DynamoDbCalls();
    private final DynamoDbClient dynamo = DynamoDbCalls.countedClient(calls);

    @AfterEach
    void close() {
        dynamo.close();
    }

    private static String prefix() {
        return "cache-down-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    }

    @Test
    void aCacheTableDynamoDbRefusesMakesMissesNotRefusedRequests() {
        String prefix = prefix();
        CoreFixture fixture = FixtureOnDynamoDb.of(dynamo, prefix).fixture();
        dynamo.deleteTable(b -> b.tableName(SwitchboardTables.CACHE.physicalName(prefix)));
        calls.reset();

        CompleteResponse first = fixture.completions().complete(HI, CoreFixture.ALICE);
        CompleteResponse second = fixture.completions().complete(HI, CoreFixture.ALICE);

        assertFalse(first.cacheHit());
        assertFalse(second.cacheHit(), "nothing could be cached, so the same request is called again");
        assertEquals(first.cost() + second.cost(), second.totalCostToday(), 1e-12,
                "the day's spend is still read, without the cache");
        assertTrue(fixture.outages.current().isEmpty(), "a cache that cannot be read is not a state outage");
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), calls.operations().subList(0, 2),
                "the failed read of spend and cache, then the spend alone");
        assertEquals(2, fixture.ledger.rows.size());
    }

    @Test
    void aHotCacheEntryThrottledWhenAskedAloneIsAMissWithTheSpendAlreadyRead() {
        String prefix = prefix();
        FixtureOnDynamoDb onDynamo = FixtureOnDynamoDb.of(dynamo, prefix);
        CompleteResponse spent = onDynamo.fixture().completions().complete(HI, CoreFixture.ALICE);
        String cacheTable = SwitchboardTables.CACHE.physicalName(prefix);
        List<String> asked = new CopyOnWriteArrayList<>();
        // DynamoDB leaves the hot entry unprocessed beside the spend, then, asked for it alone, throws: a batch
        // none of whose keys it can serve is refused for throughput instead of answered with unprocessed keys.
        DynamoDbClient hot = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("batchGetItem")) {
                        return invoke(method, args);
                    }
                    BatchGetItemRequest request = batchRequest(args[0]);
                    asked.add(String.join(",", new TreeSet<>(request.requestItems().keySet())));
                    if (request.requestItems().keySet().equals(Set.of(cacheTable))) {
                        throw ProvisionedThroughputExceededException.builder().statusCode(400)
                                .message("The level of configured provisioned throughput for the table was exceeded").build();
                    }
                    Map<String, KeysAndAttributes> others = new HashMap<>(request.requestItems());
                    KeysAndAttributes cache = others.remove(cacheTable);
                    BatchGetItemResponse answered = dynamo.batchGetItem(b -> b.requestItems(others));
                    return cache == null ? answered : answered.toBuilder().unprocessedKeys(Map.of(cacheTable, cache)).build();
                });
        DynamoDbRequestState state = new DynamoDbRequestState(hot, prefix, onDynamo.admission(), onDynamo.latency(),
                CacheSettings.defaults(), onDynamo.fixture().clock, Sleeper.REAL);

        StateLookup lookup = state.lookup("alice", onDynamo.fixture().clock.instant(), new CacheKey("a".repeat(64)));

        assertNull(lookup.cached(), "the entry that could not be read is a miss");
        assertEquals(0, BigDecimal.valueOf(spent.totalCostToday()).compareTo(lookup.spentToday()),
                "the spend read with the first batch is kept");
        assertEquals(2, asked.size(), "the spend is not asked for again: " + asked);
        hot.close();
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(dynamo, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static BatchGetItemRequest batchRequest(Object argument) {
        return argument instanceof BatchGetItemRequest request ? request : BatchGetItemRequest.builder()
                .applyMutation((Consumer<BatchGetItemRequest.Builder>) argument).build();
    }

    @Test
    void theStateTableGoneIsStillAnOutage() {
        String prefix = prefix();
        CoreFixture fixture = FixtureOnDynamoDb.of(dynamo, prefix).fixture();
        dynamo.deleteTable(b -> b.tableName(SwitchboardTables.STATE.physicalName(prefix)));

        // Budgets fail closed by default: the request is refused, since its spend cannot be checked.
        assertThrows(StateStoreUnavailableException.class, () -> fixture.completions().complete(HI, CoreFixture.ALICE));
        assertTrue(fixture.outages.current().isPresent(), "the budget's table could not be read");
    }
}
