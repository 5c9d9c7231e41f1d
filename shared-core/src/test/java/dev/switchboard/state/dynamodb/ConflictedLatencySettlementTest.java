package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every settlement of a deployment in one minute adds to the same latency item, so under load their
 * transactions conflict on it. One cancelled for that on every attempt is reconciled alone, and its
 * latency record and cache entry are then written on their own: nothing is lost to the contention.
 */
class ConflictedLatencySettlementTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 500, false, null);

    private final ConflictsOnLatency conflicts = new ConflictsOnLatency();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(conflicts);
    private final String prefix = "settle-conflict-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void aSettlementCancelledForConflictsOnItsLatencyItemStillRecordsTheLatencyAndCachesTheAnswer() {
        FixtureOnDynamoDb onDynamo = FixtureOnDynamoDb.of(dynamo, prefix);
        CoreFixture fixture = onDynamo.fixture();
        DynamoDbAdmissionStore admission = onDynamo.admission();
        DynamoDbLatencyStore latency = onDynamo.latency();

        CompleteResponse answer = fixture.completions().complete(HI, CoreFixture.ALICE);

        String deployment = answer.provider() + "/" + answer.model();
        assertEquals(DynamoDbAdmissionStore.ATTEMPTS, conflicts.cancelled.get(), "every attempt with the latency item");
        BigDecimal spent = admission.spent("alice", Refusal.BudgetPeriod.DAILY, fixture.clock.instant());
        assertEquals(0, BigDecimal.valueOf(answer.cost()).compareTo(spent), "settled at the real cost");
        assertEquals(1, latency.snapshot(List.of(deployment)).of(deployment).calls(), "the call's latency recorded");
        assertTrue(fixture.completions().complete(HI, CoreFixture.ALICE).cacheHit(), "the answer was cached");
    }

    /** Cancels, as DynamoDB does on a conflict, every transaction that writes a latency item. */
    private static final class ConflictsOnLatency implements ExecutionInterceptor {

        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest request && writesLatency(request)) {
                cancelled.incrementAndGet();
                throw TransactionCanceledException.builder().message("simulated: conflict").statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
                        .cancellationReasons(request.transactItems().stream()
                                .map(i -> CancellationReason.builder().code("TransactionConflict").build()).toList())
                        .build();
            }
        }

        private static boolean writesLatency(TransactWriteItemsRequest request) {
            for (TransactWriteItem item : request.transactItems()) {
                if (item.update() != null && item.update().key().get("pk").s().startsWith("latency#")) {
                    return true;
                }
            }
            return false;
        }
    }
}
