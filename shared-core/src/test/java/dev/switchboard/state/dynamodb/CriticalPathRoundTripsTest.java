package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 5's round-trip budget, counted on DynamoDB Local: the DynamoDB calls one POST /complete makes
 * on its critical path, in order. A request answered by its first candidate makes three sequential
 * calls (read, reserve, reconcile-and-record); each fallback adds a settle and a reserve.
 */
class CriticalPathRoundTripsTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 500, false, null);

    private final DynamoDbCalls calls = new DynamoDbCalls();
    private final DynamoDbClient dynamo = DynamoDbCalls.countedClient(calls);

    @AfterEach
    void close() {
        dynamo.close();
    }

    private CoreFixture onDynamoDb(CoreFixture fixture) {
        String prefix = "round-trips-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
        new TableProvisioner(dynamo).createMissing(prefix);
        // Far in the future, so that DynamoDB Local's TTL sweeper (real time) never takes a window item.
        fixture.clock.advance(AdmissionStoreContract.TEN_YEARS);
        fixture.state = new DynamoDbRequestState(dynamo, prefix,
                TestAdmissionStores.on(dynamo, prefix, fixture.clock),
                new DynamoDbLatencyStore(dynamo, prefix, LatencySettings.defaults(), fixture.clock, Sleeper.REAL),
                CacheSettings.defaults(), fixture.clock, Sleeper.REAL);
        calls.reset();
        return fixture;
    }

    @Test
    void aCacheMissAnsweredByItsFirstCandidateMakesThreeCalls() {
        CoreFixture fixture = onDynamoDb(CoreFixture.builtInLineUp(0, 0, 0));
        fixture.cacheSettings = CacheSettings.defaults();

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        List<String> made = calls.operations();
        System.out.println("round trips of one /complete, cache miss: " + made.size() + " " + made);
        assertEquals(List.of("BatchGetItem", "TransactWriteItems", "TransactWriteItems"), made);
        assertEquals(response.cost(), response.totalCostToday(), 1e-12);
    }

    @Test
    void aCacheHitMakesOneCallAndCostsNothing() {
        CoreFixture fixture = onDynamoDb(CoreFixture.builtInLineUp(0, 0, 0));
        fixture.cacheSettings = CacheSettings.defaults();
        CompleteResponse first = fixture.completions().complete(HI, CoreFixture.ALICE);
        calls.reset();

        CompleteResponse hit = fixture.completions().complete(HI, CoreFixture.ALICE);

        List<String> made = calls.operations();
        System.out.println("round trips of one /complete, cache hit: " + made.size() + " " + made);
        assertEquals(List.of("BatchGetItem"), made);
        assertEquals(true, hit.cacheHit());
        assertEquals(0.0, hit.cost());
        assertEquals(first.response(), hit.response());
        assertEquals(first.cost(), hit.totalCostToday(), 1e-12, "a hit adds nothing to the day's spend");
        assertEquals(true, fixture.ledger.rows.get(1).cacheHit());
    }

    @Test
    void theSecondRequestOfTheDaySeesTheFirstInItsTotal() {
        CoreFixture fixture = onDynamoDb(CoreFixture.builtInLineUp(0, 0, 0));
        CompleteResponse first = fixture.completions().complete(HI, CoreFixture.ALICE);

        CompleteResponse second = fixture.completions().complete(HI, CoreFixture.ALICE);

        assertEquals(first.cost() + second.cost(), second.totalCostToday(), 1e-12);
    }

    @Test
    void eachFallbackAddsOneSettleAndOneReserve() {
        // Gemini always fails; the request falls back to the next deployment.
        CoreFixture fixture = onDynamoDb(CoreFixture.builtInLineUp(1.0, 0, 0));

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        List<String> made = calls.operations();
        System.out.println("round trips of one /complete with one fallback: " + made.size() + " " + made);
        assertEquals(List.of("BatchGetItem", "TransactWriteItems", "TransactWriteItems", "TransactWriteItems",
                "TransactWriteItems"), made);
        assertEquals(true, response.routingMetadata().fallbackUsed());
    }
}
