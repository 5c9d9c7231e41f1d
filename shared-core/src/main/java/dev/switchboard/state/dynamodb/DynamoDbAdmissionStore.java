package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionCounter;
import dev.switchboard.state.AdmissionPlan;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.CounterMeasure;
import dev.switchboard.state.CounterUpdate;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.Reservation;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * Admission on DynamoDB: a reservation is one {@code TransactWriteItems} of conditional ADDs (see
 * {@link AdmissionItems}), so it is all or nothing and no instance admits past a limit; a reconcile is
 * one unconditional {@code TransactWriteItems} of the differences (none when there is no difference).
 * When a condition fails the cancellation reasons say which item refused, and its old values (returned
 * with the failure) say how much was used: no extra read.
 *
 * <p>A deployment's window item is written by every request to that deployment: exact global limits
 * need one counter, and a transactional write costs 2 WCU per item, so one item carries roughly 500
 * admissions a second. Concurrent transactions on one item may be cancelled with
 * {@code TransactionConflict}; nothing was written then, so the transaction is sent again after a short
 * randomised pause, a few times, before the store reports itself unavailable.
 */
public final class DynamoDbAdmissionStore implements AdmissionStore {

    static final int ATTEMPTS = 6;
    private static final Set<String> REPEATED_REASONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(4);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier uniform;

    /** {@code uniform} draws in [0, 1) spread the pauses between attempts after a conflict. */
    public DynamoDbAdmissionStore(DynamoDbClient dynamo, String tablePrefix, Clock clock, Sleeper sleeper,
                                  DoubleSupplier uniform) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.clock = clock;
        this.sleeper = sleeper;
        this.uniform = uniform;
    }

    /**
     * Each attempt carries its own idempotency token: a call that fails without an answer (a timeout
     * after DynamoDB may have committed it) is thrown with an {@link UncertainReservation} holding that
     * token, so that {@link #releaseUncertain} can repeat exactly that write.
     */
    @Override
    public Admission reserve(AdmissionRequest request) {
        Instant now = clock.instant();
        List<CounterUpdate> plan = AdmissionPlan.reserve(request, now);
        // A refusal of the whole call (no table, not granted, invalid) proves nothing landed: no reservation is handed
        // back as uncertain, to be written and given back for nothing and reported as held when that fails too.
        Optional<Refusal> refusal = write(plan, items(plan, List.of()), now, (message, cause, token) ->
                new StateUnavailableException(message, cause, token == null || DynamoDbRefusals.transactionRefusedWhole(cause)
                        ? null : new UncertainReservation(request, now, token)));
        return refusal.<Admission>map(Admission.Refused::new)
                .orElseGet(() -> new Admission.Admitted(Reservation.of(request, now, plan)));
    }

    /**
     * Repeats the uncertain write with its token: DynamoDB answers a token it has already applied with
     * success and applies nothing again, so after a success the reservation is held exactly once and is
     * reconciled to nothing; a write refused now was not applied before (a token it had applied would
     * have been answered with success), so nothing is held.
     */
    @Override
    public void releaseUncertain(UncertainReservation uncertain) {
        List<CounterUpdate> plan = AdmissionPlan.reserve(uncertain.request(), uncertain.at());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items(plan, List.of()))
                    .clientRequestToken(uncertain.token()));
        } catch (TransactionCanceledException notApplied) {
            return;
        } catch (SdkException e) {
            throw new StateUnavailableException("releasing an uncertain reservation failed", e);
        }
        reconcile(Reservation.of(uncertain.request(), uncertain.at(), plan), 0, BigDecimal.ZERO);
    }

    @Override
    public void reconcile(Reservation reservation, long actualTokens, BigDecimal actualCostUsd) {
        reconcileWith(reservation, actualTokens, actualCostUsd, List.of(), reservation.principal());
    }

    /**
     * Reconciles in one transaction with {@code alsoWrite} (unconditional writes of other state that
     * belongs to the same moment), so that a request settles in one round trip. When the write fails it
     * is thrown with an {@link UnsettledTransaction} that repeats it; {@code subject} names it in logs.
     */
    void reconcileWith(Reservation reservation, long actualTokens, BigDecimal actualCostUsd,
                       List<TransactWriteItem> alsoWrite, String subject) {
        List<CounterUpdate> differences = reservation == null ? List.of()
                : AdmissionPlan.reconcile(reservation, actualTokens, actualCostUsd);
        if (differences.isEmpty() && alsoWrite.isEmpty()) {
            return;
        }
        List<TransactWriteItem> items = items(differences, alsoWrite);
        Instant now = clock.instant();
        // A cancelled repeat says that neither it nor the first sending landed: the reconcile then goes
        // again alone, with fresh tokens, since the latency record and cache entry are advice.
        Runnable reconcileAlone = () -> reconcileWith(reservation, actualTokens, actualCostUsd, List.of(), subject);
        write(differences, items, now, (message, cause, token) -> StateUnavailableException.ofSettlement(message, cause,
                new UnsettledTransaction(dynamo, items, token, now, subject, reconcileAlone)));
    }

    @Override
    public WindowUsage windowUsage(Refusal.RateScope scope, String owner, Instant at) {
        Map<CounterMeasure, BigDecimal> v = read(AdmissionCounter.window(scope, owner, at));
        return new WindowUsage(v.getOrDefault(CounterMeasure.REQUESTS, BigDecimal.ZERO).longValueExact(),
                v.getOrDefault(CounterMeasure.TOKENS, BigDecimal.ZERO).longValueExact());
    }

    @Override
    public BigDecimal spent(String principal, Refusal.BudgetPeriod period, Instant at) {
        return read(AdmissionCounter.budget(period, principal, at)).getOrDefault(CounterMeasure.SPENT_USD, BigDecimal.ZERO);
    }

    /**
     * Sends {@code items} (the updates' writes first, then any others) as one transaction: empty when
     * written, the refusal when a limit refused (only the updates carry conditions, and they come first,
     * so reasons line up with them). Each attempt gets a fresh idempotency token; a failure is thrown as
     * {@code failure} makes it, with the token of an attempt that may have landed, or null when none did.
     */
    private Optional<Refusal> write(List<CounterUpdate> updates, List<TransactWriteItem> items, Instant now,
                                    Failure failure) {
        for (int attempt = 1; ; attempt++) {
            String token = UUID.randomUUID().toString();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items).clientRequestToken(token));
                return Optional.empty();
            } catch (TransactionCanceledException cancelled) {
                Optional<Refusal> refusal = refusal(updates, cancelled.cancellationReasons(), now);
                if (refusal.isPresent()) {
                    return refusal;
                }
                if (!worthRepeating(cancelled.cancellationReasons()) || attempt == ATTEMPTS) {
                    throw failure.of("admission transaction cancelled: " + codes(cancelled), cancelled, null);
                }
                pauseBefore(attempt + 1, failure);
            } catch (SdkException e) {
                throw failure.of("admission counters in DynamoDB failed", e, token);
            }
        }
    }

    private List<TransactWriteItem> items(List<CounterUpdate> updates, List<TransactWriteItem> alsoWrite) {
        List<TransactWriteItem> items = new ArrayList<>(updates.size() + alsoWrite.size());
        updates.forEach(u -> items.add(AdmissionItems.write(table, u)));
        items.addAll(alsoWrite);
        return items;
    }

    /** The refusal of the first item (in plan order, which is the refusal precedence) whose condition failed. */
    private static Optional<Refusal> refusal(List<CounterUpdate> updates, List<CancellationReason> reasons, Instant now) {
        for (int i = 0; i < Math.min(updates.size(), reasons.size()); i++) {
            CancellationReason reason = reasons.get(i);
            if ("ConditionalCheckFailed".equals(reason.code())) {
                return Optional.of(updates.get(i).refusalOfFailedCondition(AdmissionItems.measures(reason.item()), now));
            }
        }
        return Optional.empty();
    }

    /**
     * A conflict with another transaction on one of its items, or a hot item's throughput exhausted: both
     * pass, and neither is an outage (the SDK does not retry a cancelled transaction itself).
     */
    private static boolean worthRepeating(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> REPEATED_REASONS.contains(r.code()));
    }

    private static String codes(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList().toString();
    }

    private void pauseBefore(int attempt, Failure failure) {
        // Exponential with full jitter, so that the instances that collided do not collide again in step.
        long ceiling = FIRST_PAUSE.toMillis() << (attempt - 2);
        try {
            sleeper.sleep(Duration.ofMillis(1 + (long) (uniform.getAsDouble() * ceiling)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Nothing of this attempt was sent: the write as a whole is still to make (or to repeat).
            throw failure.of("interrupted while waiting to retry an admission transaction", e, null);
        }
    }

    private Map<CounterMeasure, BigDecimal> read(AdmissionCounter counter) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                    .key(AdmissionItems.key(counter)).consistentRead(true)).item();
            return AdmissionItems.measures(item);
        } catch (SdkException e) {
            throw new StateUnavailableException("reading admission counters from DynamoDB failed", e);
        }
    }

    /** Makes the exception a failed write throws; {@code token} is that of an attempt that may have landed. */
    @FunctionalInterface
    private interface Failure {
        StateUnavailableException of(String message, Throwable cause, String token);
    }
}
