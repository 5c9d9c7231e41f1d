package dev.switchboard.state.dynamodb;

import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.Reservation;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UnsettledSettlement;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A reconcile whose write fails, landed or not, comes back as an unsettled settlement whose repeat
 * leaves the budget at the real cost: never at the estimate, never reconciled twice.
 */
class UnsettledTransactionTest {

    private static final BigDecimal MAX_COST = new BigDecimal("0.25");
    private static final BigDecimal ACTUAL = new BigDecimal("0.04");

    private final MutableClock clock = new MutableClock();
    private final LosesTransactionAnswers losesAnswers = new LosesTransactionAnswers();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(losesAnswers);
    private final String prefix = "unsettled-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    private DynamoDbAdmissionStore store;
    private Reservation reservation;

    @BeforeEach
    void reserve() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        new TableProvisioner(dynamo).createMissing(prefix);
        store = TestAdmissionStores.on(dynamo, prefix, clock);
        AdmissionRequest request = new AdmissionRequest("d1", new RateLimits(10L, 10_000L), null, null, "ursula",
                new BudgetCaps(BigDecimal.ONE, null), 700, MAX_COST);
        reservation = ((Admission.Admitted) store.reserve(request)).reservation();
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void aRepeatDynamoDbRefusesWholeForAMissingTableGivesWhatMattersItsOwnWriteInsteadOfFailingForever() {
        // The cache table is gone (or not granted): every repeat of a settlement naming it would be refused.
        String missing = prefix + "no-such-cache";
        TransactWriteItem put = TransactWriteItem.builder().put(b -> b.tableName(missing)
                .item(Map.of("pk", AttributeValue.fromS("k"), "sk", AttributeValue.fromS("s")))).build();
        AtomicInteger alone = new AtomicInteger();
        // Every sending was cancelled before (no token): nothing can have landed.
        UnsettledTransaction unsettled = new UnsettledTransaction(dynamo, List.of(put), null, clock.instant(),
                "d1", alone::incrementAndGet);

        unsettled.repeat();

        assertEquals(1, alone.get(), "nothing landed, so the reconcile went alone");
        UnsettledTransaction mayHaveLanded = new UnsettledTransaction(dynamo, List.of(put), "token-1",
                clock.instant(), "d1", alone::incrementAndGet);
        assertThrows(StateUnavailableException.class, mayHaveLanded::repeat,
                "with a token the first sending may have landed: repeated under it, never reconciled again");
        assertEquals(1, alone.get());
    }

    @Test
    void aReconcileThatLandedBeforeItsAnswerWasLostIsNotAppliedAgainByItsRepeat() {
        losesAnswers.afterCommit.set(true);

        UnsettledSettlement unsettled = failedReconcile();
        assertEquals(0, ACTUAL.compareTo(spent()), "the write had landed");

        unsettled.repeat();

        assertEquals(0, ACTUAL.compareTo(spent()), "applied once, not twice");
        assertEquals(300, usage().tokens());
    }

    @Test
    void aReconcileThatNeverLandedIsAppliedByItsRepeat() {
        losesAnswers.beforeSending.set(true);

        UnsettledSettlement unsettled = failedReconcile();
        assertEquals(0, MAX_COST.compareTo(spent()), "still held at the estimate");

        unsettled.repeat();

        assertEquals(0, ACTUAL.compareTo(spent()));
        assertEquals(300, usage().tokens());
    }

    @Test
    void aCancelledRepeatProvesNothingLandedAndTheReconcileIsWrittenAfresh() {
        losesAnswers.beforeSending.set(true);
        UnsettledSettlement unsettled = failedReconcile();
        losesAnswers.cancelled.set(true);

        unsettled.repeat();

        assertEquals(0, ACTUAL.compareTo(spent()));
    }

    @Test
    void aRepeatThatFailsAgainIsThrownWithTheSettlementStillToRepeat() {
        losesAnswers.beforeSending.set(true);
        UnsettledSettlement unsettled = failedReconcile();
        losesAnswers.afterCommit.set(true);

        StateUnavailableException again = assertThrows(StateUnavailableException.class, unsettled::repeat);
        again.unsettled().orElseThrow().repeat();

        assertEquals(0, ACTUAL.compareTo(spent()), "the lost repeat had landed: applied once");
    }

    private UnsettledSettlement failedReconcile() {
        StateUnavailableException e = assertThrows(StateUnavailableException.class,
                () -> store.reconcile(reservation, 300, ACTUAL));
        assertEquals(clock.instant(), e.unsettled().orElseThrow().firstSentAt());
        return e.unsettled().orElseThrow();
    }

    private BigDecimal spent() {
        return store.spent("ursula", Refusal.BudgetPeriod.DAILY, clock.instant());
    }

    private DynamoDbAdmissionStore.WindowUsage usage() {
        return store.windowUsage(Refusal.RateScope.DEPLOYMENT, "d1", clock.instant());
    }
}
