package dev.switchboard.state.dynamodb;

import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's heart: four independent DynamoDB clients (four Lambda instances) and 64 threads hammer one
 * deployment with RPM limit L and one user with daily budget B, over several minutes moved by the
 * test clock between rounds. Each admitted request reserves its maximum cost and then reconciles a
 * smaller real cost. No minute may admit more than L, the spend may never pass B, and every counter
 * must end equal to the sum of what the threads recorded.
 */
class DynamoDbAdmissionHammerTest {

    private static final String PREFIX = "admission-hammer-" + ProcessHandle.current().pid() + "-";
    private static final int CLIENTS = 4;
    private static final int THREADS = 64;
    private static final int ATTEMPTS_PER_THREAD_PER_MINUTE = 2;
    private static final int MINUTES = 5;
    private static final long L = 40;
    private static final BigDecimal B = new BigDecimal("2.00");
    private static final BigDecimal MAX_COST = new BigDecimal("0.02");
    private static final long ESTIMATED_TOKENS = 1_000;

    private final MutableClock clock = new MutableClock();

    @Test
    void admissionsNeverPassTheLimitOrTheBudgetAndCountersEndExact() throws Exception {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        DynamoDbCalls calls = new DynamoDbCalls();
        List<DynamoDbClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(DynamoDbCalls.countedClient(calls));
        }
        new TableProvisioner(clients.get(0)).createMissing(PREFIX);
        List<AdmissionStore> instances = clients.stream()
                .map(c -> (AdmissionStore) TestAdmissionStores.on(c, PREFIX, clock)).toList();
        AdmissionRequest request = new AdmissionRequest("hot-deployment", new RateLimits(L, 1_000_000L),
                "hammer-key", new RateLimits(10_000L, null), "hammer-user", new BudgetCaps(B, null),
                ESTIMATED_TOKENS, MAX_COST);

        Instant firstMinute = clock.instant();
        List<Tally> minutes = new ArrayList<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int minute = 0; minute < MINUTES; minute++) {
                List<Future<Tally>> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    AdmissionStore instance = instances.get(t % CLIENTS);
                    long seed = minute * 1_000L + t;
                    threads.add(pool.submit(() -> hammer(instance, request, new Random(seed))));
                }
                Tally tally = new Tally();
                for (Future<Tally> thread : threads) {
                    tally.add(thread.get());
                }
                minutes.add(tally);
                clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        Tally all = new Tally();
        AdmissionStore reader = instances.get(0);
        List<AdmissionStore.WindowUsage> deploymentWindows = new ArrayList<>();
        List<AdmissionStore.WindowUsage> keyWindows = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            all.add(minutes.get(m));
            Instant at = firstMinute.plus(Duration.ofMinutes(m));
            deploymentWindows.add(reader.windowUsage(Refusal.RateScope.DEPLOYMENT, "hot-deployment", at));
            keyWindows.add(reader.windowUsage(Refusal.RateScope.KEY, "hammer-key", at));
        }
        BigDecimal spent = reader.spent("hammer-user", Refusal.BudgetPeriod.DAILY, firstMinute);
        long writes = calls.of("TransactWriteItems");
        System.out.printf("admission hammer: clients=%d threads=%d attempts=%d admitted=%d per-minute=%s limit=%d/min "
                        + "refused(rate=%d budget=%d) unavailable=%d spent=%s recorded=%s budget=%s "
                        + "transactWrites=%d (conflict retries %d) elapsed=%dms%n",
                CLIENTS, THREADS, all.attempts, all.admitted, minutes.stream().map(t -> t.admitted).toList(), L,
                all.rateRefusals, all.budgetRefusals, all.unavailable, spent.toPlainString(), all.cost.toPlainString(), B,
                writes, writes - all.attempts - all.admitted, elapsedMs);

        for (int m = 0; m < MINUTES; m++) {
            Tally tally = minutes.get(m);
            assertTrue(tally.admitted <= L, "minute " + m + " admitted " + tally.admitted);
            assertEquals(new AdmissionStore.WindowUsage(tally.admitted, tally.tokens), deploymentWindows.get(m),
                    "minute " + m + " deployment window");
            // The key has an RPM limit only: its window counts requests, and no tokens (nothing would read them).
            assertEquals(new AdmissionStore.WindowUsage(tally.admitted, 0), keyWindows.get(m), "minute " + m + " key window");
        }
        assertEquals(0, all.unavailable, "no transaction gave up");
        assertEquals(L, minutes.get(0).admitted, "the first minute, far from the budget, admits exactly L");
        assertEquals(L, minutes.get(1).admitted, "so does the second");
        assertTrue(all.budgetRefusals > 0, "the budget was reached");
        assertEquals(0, all.cost.compareTo(spent), "daily spend " + spent + " vs recorded " + all.cost);
        assertEquals(0, spent.compareTo(reader.spent("hammer-user", Refusal.BudgetPeriod.MONTHLY, firstMinute)));
        assertTrue(spent.compareTo(B) <= 0, "spent " + spent + " passed the budget " + B);
        clients.forEach(DynamoDbClient::close);
    }

    /** One thread's minute: a few reservations, each admitted one reconciled with a smaller real usage. */
    private static Tally hammer(AdmissionStore store, AdmissionRequest request, Random random) {
        Tally tally = new Tally();
        for (int i = 0; i < ATTEMPTS_PER_THREAD_PER_MINUTE; i++) {
            tally.attempts++;
            try {
                Admission admission = store.reserve(request);
                if (admission instanceof Admission.Admitted admitted) {
                    // Real cost between $0.012 and $0.02: 200 admissions would pass B, so B must refuse some.
                    BigDecimal cost = new BigDecimal("0.012").add(new BigDecimal("0.0001").multiply(
                            BigDecimal.valueOf(random.nextInt(81))));
                    long tokens = 200 + random.nextInt(801);
                    store.reconcile(admitted.reservation(), tokens, cost);
                    tally.admitted++;
                    tally.tokens += tokens;
                    tally.cost = tally.cost.add(cost);
                } else if (((Admission.Refused) admission).refusal() instanceof Refusal.OverBudget) {
                    tally.budgetRefusals++;
                } else {
                    tally.rateRefusals++;
                }
            } catch (RuntimeException e) {
                tally.unavailable++;
            }
        }
        return tally;
    }

    private static final class Tally {
        long attempts;
        long admitted;
        long tokens;
        long rateRefusals;
        long budgetRefusals;
        long unavailable;
        BigDecimal cost = BigDecimal.ZERO;

        void add(Tally other) {
            attempts += other.attempts;
            admitted += other.admitted;
            tokens += other.tokens;
            rateRefusals += other.rateRefusals;
            budgetRefusals += other.budgetRefusals;
            unavailable += other.unavailable;
            cost = cost.add(other.cost);
        }
    }
}
