package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void theStateTableGoneIsStillAnOutage() {
        String prefix = prefix();
        CoreFixture fixture = FixtureOnDynamoDb.of(dynamo, prefix).fixture();
        dynamo.deleteTable(b -> b.tableName(SwitchboardTables.STATE.physicalName(prefix)));

        // Budgets fail closed by default: the request is refused, since its spend cannot be checked.
        assertThrows(StateStoreUnavailableException.class, () -> fixture.completions().complete(HI, CoreFixture.ALICE));
        assertTrue(fixture.outages.current().isPresent(), "the budget's table could not be read");
    }
}
