package dev.switchboard.state.dynamodb;

import dev.switchboard.service.SettlementRepeats;
import dev.switchboard.service.UncertainRelease;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.state.UnsettledSettlement;
import dev.switchboard.testsupport.ManualDelays;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reservation whose call fails without an answer, before or after DynamoDB committed it, is given
 * back exactly by repeating it with its idempotency token and reconciling it to nothing.
 */
class UncertainReservationTest {

    private static final BigDecimal MAX_COST = new BigDecimal("0.25");

    private final MutableClock clock = new MutableClock();
    private final LosesTransactionAnswers losesAnswers = new LosesTransactionAnswers();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(losesAnswers);
    private final String prefix = "uncertain-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    private AdmissionStore store;

    @AfterEach
    void close() {
        dynamo.close();
    }

    private AdmissionStore store() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        new TableProvisioner(dynamo).createMissing(prefix);
        return TestAdmissionStores.on(dynamo, prefix, clock);
    }

    private static AdmissionRequest request() {
        return new AdmissionRequest("d1", new RateLimits(10L, 10_000L), null, null, "ursula",
                new BudgetCaps(BigDecimal.ONE, null), 700, MAX_COST);
    }

    @Test
    void aReservationCommittedBeforeItsAnswerWasLostIsGivenBackOnce() {
        store = store();
        losesAnswers.afterCommit.set(true);

        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> store.reserve(request()));
        UncertainReservation uncertain = e.uncertain().orElseThrow();
        assertEquals(0, MAX_COST.compareTo(spent()), "the write had landed: its cost is held");

        store.releaseUncertain(uncertain);

        assertEquals(0, BigDecimal.ZERO.compareTo(spent()), "released once, not twice");
        assertEquals(0, usage().tokens());
        assertEquals(1, usage().requests(), "the request stays counted, which errs on the safe side");
    }

    @Test
    void aWriteDynamoDbRefusedWholeIsNoUncertainReservation() {
        store = store();
        dynamo.deleteTable(b -> b.tableName(SwitchboardTables.STATE.physicalName(prefix)));

        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> store.reserve(request()));

        assertTrue(e.uncertain().isEmpty(), "a missing table proves nothing landed: nothing to give back");
    }

    @Test
    void aReservationThatNeverLandedHoldsNothingAfterItsRelease() {
        store = store();
        losesAnswers.beforeSending.set(true);

        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> store.reserve(request()));
        assertEquals(0, BigDecimal.ZERO.compareTo(spent()), "nothing was sent");

        store.releaseUncertain(e.uncertain().orElseThrow());

        assertEquals(0, BigDecimal.ZERO.compareTo(spent()));
        assertEquals(0, usage().tokens());
    }

    @Test
    void aReleaseThatFailsInTheBrownoutIsRepeatedUntilTheReservationIsGivenBack() {
        store = store();
        losesAnswers.afterCommit.set(true);
        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> store.reserve(request()));
        losesAnswers.afterCommit.set(false);
        ManualDelays delays = new ManualDelays();
        SettlementRepeats repeats = new SettlementRepeats(clock, delays);

        losesAnswers.beforeSending.set(true); // DynamoDB still failing when the release is first tried
        repeats.repeatLater(new UncertainRelease(store::releaseUncertain, e.uncertain().orElseThrow()));
        assertTrue(delays.runNext());
        assertEquals(0, MAX_COST.compareTo(spent()), "still held after the failed release");
        assertEquals(1, delays.queued(), "the release waits for another try");

        losesAnswers.beforeSending.set(false);
        clock.advance(Duration.ofSeconds(6));
        assertTrue(delays.runNext());

        assertEquals(0, BigDecimal.ZERO.compareTo(spent()), "given back on the repeat");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), delays.asked());
    }

    @Test
    void aReleaseIsNotRepeatedOnceDynamoDbMayHaveForgottenTheReservationsToken() {
        store = store();
        losesAnswers.afterCommit.set(true);
        StateUnavailableException e = assertThrows(StateUnavailableException.class, () -> store.reserve(request()));
        losesAnswers.afterCommit.set(false);
        ManualDelays delays = new ManualDelays();

        new SettlementRepeats(clock, delays).repeatLater(
                new UncertainRelease(store::releaseUncertain, e.uncertain().orElseThrow()));
        clock.advance(UnsettledSettlement.REPEATABLE_FOR.plusSeconds(1)); // an instance frozen that long
        delays.runNext();

        assertEquals(0, MAX_COST.compareTo(spent()), "held at the estimate, never counted twice or released twice");
    }

    private BigDecimal spent() {
        return store.spent("ursula", Refusal.BudgetPeriod.DAILY, clock.instant());
    }

    private AdmissionStore.WindowUsage usage() {
        return store.windowUsage(Refusal.RateScope.DEPLOYMENT, "d1", clock.instant());
    }
}
