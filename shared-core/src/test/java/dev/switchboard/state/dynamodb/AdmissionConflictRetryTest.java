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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        DynamoDbAdmissionStore store = storeOn(new ConflictingFirst(DB.client(), 2), () -> 0.75);

        Admission admission = store.reserve(AdmissionRequests.to(deployment, RateLimits.rpm(5)).build());

        assertInstanceOf(Admission.Admitted.class, admission);
        // Full jitter under a ceiling that doubles from 4 ms: 1 + 0.75 x 4, then 1 + 0.75 x 8.
        assertEquals(List.of(Duration.ofMillis(4), Duration.ofMillis(7)), pauses);
        assertEquals(1, store.windowUsage(Refusal.RateScope.DEPLOYMENT, deployment, clock.instant()).requests());
    }

    @Test
    void conflictsThatDoNotEndMakeTheStoreUnavailable() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        DynamoDbAdmissionStore store = storeOn(new ConflictingFirst(DB.client(), Integer.MAX_VALUE), () -> 0.0);

        assertThrows(StateUnavailableException.class,
                () -> store.reserve(AdmissionRequests.to("dep-" + UUID.randomUUID(), RateLimits.rpm(5)).build()));
        assertEquals(DynamoDbAdmissionStore.ATTEMPTS - 1, pauses.size());
    }

    /** A hot item's throughput is exhausted: DynamoDB cancels the transaction with a throttling reason. */
    @ParameterizedTest
    @ValueSource(strings = {"ThrottlingError", "ProvisionedThroughputExceeded"})
    void aTransactionCancelledForThrottlingIsSentAgainNotTakenForAnOutage(String reason) {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        String deployment = "dep-" + UUID.randomUUID();
        DynamoDbAdmissionStore store = storeOn(new ConflictingFirst(DB.client(), 2, reason), () -> 0.0);

        Admission admission = store.reserve(AdmissionRequests.to(deployment, RateLimits.rpm(5)).build());

        assertInstanceOf(Admission.Admitted.class, admission);
        assertEquals(2, pauses.size());
    }

    @Test
    void theLongestPauseStaysUnderItsCeiling() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        DynamoDbAdmissionStore store = storeOn(new ConflictingFirst(DB.client(), 1), () -> Math.nextDown(1.0));

        store.reserve(AdmissionRequests.to("dep-" + UUID.randomUUID(), RateLimits.rpm(5)).build());

        assertEquals(List.of(Duration.ofMillis(4)), pauses);
    }

    private DynamoDbAdmissionStore storeOn(DynamoDbClient dynamo, DoubleSupplier uniform) {
        return new DynamoDbAdmissionStore(dynamo, DB.prefix(), clock, recording, uniform);
    }

    /** Cancels the first {@code conflicts} transactions as DynamoDB does on a conflict, then passes them on. */
    private static final class ConflictingFirst implements DynamoDbClient {
        private final DynamoDbClient real;
        private final String code;
        private int conflicts;

        ConflictingFirst(DynamoDbClient real, int conflicts) {
            this(real, conflicts, "TransactionConflict");
        }

        /** Cancelling with {@code code} as every item's reason. */
        ConflictingFirst(DynamoDbClient real, int conflicts, String code) {
            this.real = real;
            this.conflicts = conflicts;
            this.code = code;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (conflicts-- > 0) {
                List<CancellationReason> reasons = request.transactItems().stream().map(i -> CancellationReason.builder()
                        .code(code).build()).toList();
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
