package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequests;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DynamoDB cancels concurrent transactions on one item with TransactionConflict (DynamoDB Local
 * serialises them instead, so the hammer test never sees one): the store sends the transaction again
 * after a short pause, a bounded number of times, then reports itself unavailable.
 */
class AdmissionConflictRetryTest {

    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("admission-conflict");

    private final MutableClock clock = new MutableClock();
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper recording = pauses::add;

    @Test
    void aConflictIsSentAgainAfterAPauseAndThenCountsOnce() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        String deployment = "dep-" + UUID.randomUUID();
        DynamoDbAdmissionStore store = new DynamoDbAdmissionStore(new ConflictingFirst(DB.client(), 2), DB.prefix(), clock, recording);

        Admission admission = store.reserve(AdmissionRequests.to(deployment, RateLimits.rpm(5)).build());

        assertInstanceOf(Admission.Admitted.class, admission);
        assertEquals(2, pauses.size());
        assertTrue(pauses.stream().allMatch(p -> p.toMillis() >= 1 && p.toMillis() <= 8), pauses.toString());
        assertEquals(1, store.windowUsage(Refusal.RateScope.DEPLOYMENT, deployment, clock.instant()).requests());
    }

    @Test
    void conflictsThatDoNotEndMakeTheStoreUnavailable() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        DynamoDbAdmissionStore store = new DynamoDbAdmissionStore(new ConflictingFirst(DB.client(), Integer.MAX_VALUE), DB.prefix(),
                clock, recording);

        assertThrows(StateUnavailableException.class,
                () -> store.reserve(AdmissionRequests.to("dep-" + UUID.randomUUID(), RateLimits.rpm(5)).build()));
        assertEquals(DynamoDbAdmissionStore.ATTEMPTS - 1, pauses.size());
    }

    /** Cancels the first {@code conflicts} transactions as DynamoDB does on a conflict, then passes them on. */
    private static final class ConflictingFirst implements DynamoDbClient {
        private final DynamoDbClient real;
        private int conflicts;

        ConflictingFirst(DynamoDbClient real, int conflicts) {
            this.real = real;
            this.conflicts = conflicts;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (conflicts-- > 0) {
                List<CancellationReason> reasons = request.transactItems().stream().map(i -> CancellationReason.builder()
                        .code("TransactionConflict").build()).toList();
                throw TransactionCanceledException.builder().message("conflict").cancellationReasons(reasons).build();
            }
            return real.transactWriteItems(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.getItem(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
