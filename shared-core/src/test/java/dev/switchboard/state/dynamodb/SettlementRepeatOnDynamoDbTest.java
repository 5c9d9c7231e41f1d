package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's settlement (the reconcile, the latency record and the cached answer in one transaction)
 * whose answer was lost after DynamoDB committed it: the request is answered, and the repeat, with the
 * same token, applies nothing twice.
 */
class SettlementRepeatOnDynamoDbTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 500, false, null);

    private final LosesTransactionAnswers losesAnswers = new LosesTransactionAnswers();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(losesAnswers);
    private final String prefix = "settle-repeat-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void aSettlementThatLandedIsRepeatedWithoutCountingItsCostOrLatencyTwice() {
        FixtureOnDynamoDb onDynamo = FixtureOnDynamoDb.of(dynamo, prefix);
        CoreFixture fixture = onDynamo.fixture();
        DynamoDbAdmissionStore admission = onDynamo.admission();
        DynamoDbLatencyStore latency = onDynamo.latency();
        losesAnswers.loseAnswerOf.set(2); // the first is the reservation, the second the settlement

        CompleteResponse answer = fixture.completions().complete(HI, CoreFixture.ALICE);
        String deployment = answer.provider() + "/" + answer.model();
        assertEquals(1, fixture.delays.queued(), "the settlement waits for its repeat");

        assertTrue(fixture.delays.runNext());

        assertFalse(fixture.delays.runNext(), "written on its first repeat");
        BigDecimal spent = admission.spent("alice", Refusal.BudgetPeriod.DAILY, fixture.clock.instant());
        assertEquals(0, BigDecimal.valueOf(answer.cost()).compareTo(spent), "the real cost, once");
        assertEquals(1, latency.snapshot(List.of(deployment)).of(deployment).calls(), "one call, recorded once");
        assertTrue(fixture.completions().complete(HI, CoreFixture.ALICE).cacheHit(), "the answer was cached");
    }
}
