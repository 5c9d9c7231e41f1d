package dev.switchboard.state;

import dev.switchboard.state.Refusal.BudgetPeriod;
import dev.switchboard.state.Refusal.OverBudget;
import dev.switchboard.state.Refusal.RateLimited;
import dev.switchboard.state.Refusal.RateMeasure;
import dev.switchboard.state.Refusal.RateScope;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantics every {@link AdmissionStore} adapter must have, run against each. Names are unique per
 * test, so adapters that share a table across tests see no leftovers. The clock starts at noon UTC on
 * 22 November 2036.
 */
public abstract class AdmissionStoreContract {

    /**
     * Ten years ahead of the test clock's usual start (still the 22nd at noon): DynamoDB Local's TTL
     * sweeper runs on real time and would delete windows whose expiry, by the test clock, has passed.
     */
    public static final Duration TEN_YEARS = Duration.ofDays(3653);

    protected final MutableClock clock = new MutableClock();
    private AdmissionStore store;
    private String deployment;
    private String key;
    private String user;

    protected abstract AdmissionStore store(Clock clock);

    @BeforeEach
    void freshNames() {
        clock.advance(TEN_YEARS);
        store = store(clock);
        String run = UUID.randomUUID().toString();
        deployment = "dep-" + run;
        key = "key-" + run;
        user = "user-" + run;
    }

    @Test
    void theDeploymentsRpmRefusesWithTheTimeLeftInTheWindow() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.rpm(3)).by(user, BudgetCaps.DEFAULT);
        for (int i = 0; i < 3; i++) {
            reserve(request);
        }
        clock.advance(Duration.ofSeconds(20));

        RateLimited refused = refusedBy(RateLimited.class, request);

        assertEquals(new RateLimited(RateScope.DEPLOYMENT, RateMeasure.REQUESTS, 3, 3, 1, Duration.ofSeconds(40)), refused);
        // An RPM limit alone counts requests: tokens are counted (and corrected) only where a TPM limit reads them.
        assertEquals(new AdmissionStore.WindowUsage(3, 0), store.windowUsage(RateScope.DEPLOYMENT, deployment, now()));
    }

    @Test
    void theKeysRpmRefusesNamingTheKeyAndARefusalWritesNothing() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.rpm(100))
                .key(key, RateLimits.rpm(1)).by(user, BudgetCaps.DEFAULT).maxCost("0.25");
        reserve(request);

        RateLimited refused = refusedBy(RateLimited.class, request);

        assertEquals(RateScope.KEY, refused.scope());
        assertEquals(Duration.ofSeconds(60), refused.retryAfter());
        assertEquals(1, store.windowUsage(RateScope.DEPLOYMENT, deployment, now()).requests());
        assertDecimal("0.25", store.spent(user, BudgetPeriod.DAILY, now()));
    }

    @Test
    void tokensPerMinuteCountTheEstimateUntilReconciled() {
        AdmissionRequests request = AdmissionRequests.to(deployment, new RateLimits(null, 1000L)).tokens(600);
        Reservation first = reserve(request);

        RateLimited refused = refusedBy(RateLimited.class, request);
        store.reconcile(first, 300, new BigDecimal("0.01"));

        assertEquals(new RateLimited(RateScope.DEPLOYMENT, RateMeasure.TOKENS, 1000, 600, 600, Duration.ofMinutes(1)), refused);
        reserve(request);
        assertEquals(new AdmissionStore.WindowUsage(2, 900), store.windowUsage(RateScope.DEPLOYMENT, deployment, now()));
    }

    @Test
    void aRequestLargerThanTheTpmIsRefusedEvenInAnEmptyWindow() {
        RateLimited refused = refusedBy(RateLimited.class,
                AdmissionRequests.to(deployment, new RateLimits(10L, 1000L)).tokens(1001));

        assertEquals(new RateLimited(RateScope.DEPLOYMENT, RateMeasure.TOKENS, 1000, 0, 1001, Duration.ofMinutes(1)), refused);
        assertEquals(new AdmissionStore.WindowUsage(0, 0), store.windowUsage(RateScope.DEPLOYMENT, deployment, now()));
    }

    @Test
    void aNewMinuteIsANewWindow() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.rpm(1)).key(key, RateLimits.rpm(1));
        Instant firstMinute = now();
        reserve(request);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), refusedBy(RateLimited.class, request).retryAfter());

        clock.advance(Duration.ofSeconds(1));
        reserve(request);

        assertEquals(1, store.windowUsage(RateScope.DEPLOYMENT, deployment, firstMinute).requests());
        assertEquals(1, store.windowUsage(RateScope.KEY, key, now()).requests());
    }

    @Test
    void theSeedDefaultDailyBudgetRefusesWithItsCapAndWhatIsSpent() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.NONE)
                .by(user, BudgetCaps.orDefault(null)).maxCost("0.40");
        reserve(request);
        reserve(request);

        OverBudget refused = refusedBy(OverBudget.class, request);

        assertEquals(BudgetPeriod.DAILY, refused.period());
        assertDecimal("1.00", refused.capUsd());
        assertDecimal("0.80", refused.spentUsd());
        assertDecimal("0.40", refused.askedUsd());
        assertEquals(Duration.ofHours(12), refused.retryAfter());
    }

    @Test
    void theMonthlyBudgetRefusesAndOutranksTheDailyAndTheRateLimit() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.rpm(1))
                .by(user, new BudgetCaps(new BigDecimal("0.50"), new BigDecimal("0.50"))).maxCost("0.30");
        reserve(request);

        OverBudget refused = refusedBy(OverBudget.class, request);

        assertEquals(BudgetPeriod.MONTHLY, refused.period());
        assertEquals(Duration.between(now(), Instant.parse("2036-12-01T00:00:00Z")), refused.retryAfter());
        clock.advance(Duration.ofDays(1));
        assertEquals(BudgetPeriod.MONTHLY, refusedBy(OverBudget.class, request).period());
        assertDecimal("0.30", store.spent(user, BudgetPeriod.MONTHLY, now()));
        assertDecimal("0", store.spent(user, BudgetPeriod.DAILY, now()));
    }

    @Test
    void reconcileReplacesTheEstimatesUpAndDownInTheWindowsOfAdmission() {
        AdmissionRequests request = AdmissionRequests.to(deployment, new RateLimits(10L, 10_000L))
                .key(key, new RateLimits(null, 5_000L)).by(user, BudgetCaps.DEFAULT).tokens(500).maxCost("0.10");
        Instant admitted = now();
        Reservation reservation = reserve(request);
        clock.advance(Duration.ofSeconds(90));

        store.reconcile(reservation, 800, new BigDecimal("0.0312345"));

        assertEquals(new AdmissionStore.WindowUsage(1, 800), store.windowUsage(RateScope.DEPLOYMENT, deployment, admitted));
        assertEquals(new AdmissionStore.WindowUsage(1, 800), store.windowUsage(RateScope.KEY, key, admitted));
        assertEquals(new AdmissionStore.WindowUsage(0, 0), store.windowUsage(RateScope.DEPLOYMENT, deployment, now()));
        assertDecimal("0.0312345", store.spent(user, BudgetPeriod.DAILY, now()));
        assertDecimal("0.0312345", store.spent(user, BudgetPeriod.MONTHLY, now()));
    }

    @Test
    void aReconcileCorrectsOnlyTheWindowsThatCountTokensAndLeavesAnRpmOnlyWindowAlone() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.rpm(10))
                .key(key, new RateLimits(null, 5_000L)).by(user, BudgetCaps.DEFAULT).tokens(500).maxCost("0.10");
        Instant admitted = now();
        Reservation reservation = reserve(request);

        assertEquals(List.of(AdmissionCounter.at(AdmissionCounter.Kind.KEY_MINUTE, key, admitted)),
                reservation.tokenCounters(), "only the key's window has a TPM limit");
        assertTrue(AdmissionPlan.reconcile(reservation, 800, new BigDecimal("0.05")).stream()
                .noneMatch(u -> u.counter().kind() == AdmissionCounter.Kind.DEPLOYMENT_MINUTE),
                "the deployment's window, the busiest item, is written once per request");
        store.reconcile(reservation, 800, new BigDecimal("0.05"));

        assertEquals(new AdmissionStore.WindowUsage(1, 0), store.windowUsage(RateScope.DEPLOYMENT, deployment, admitted));
        assertEquals(new AdmissionStore.WindowUsage(1, 800), store.windowUsage(RateScope.KEY, key, admitted));
    }

    @Test
    void aReconcileOverTheCapIsNeverRefusedAndTheNextReservationIs() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.NONE)
                .by(user, new BudgetCaps(new BigDecimal("0.02"), null)).maxCost("0.01");
        Reservation reservation = reserve(request);

        store.reconcile(reservation, 100, new BigDecimal("0.05"));

        assertDecimal("0.05", store.spent(user, BudgetPeriod.DAILY, now()));
        assertDecimal("0.05", refusedBy(OverBudget.class, request).spentUsd());
    }

    @Test
    void anAnonymousRequestWithNoLimitsStillReservesBudget() {
        AdmissionRequests request = AdmissionRequests.to(deployment, RateLimits.NONE).by("anonymous-" + user, BudgetCaps.DEFAULT)
                .maxCost("0.003");
        Reservation reservation = reserve(request);

        assertDecimal("0.003", store.spent("anonymous-" + user, BudgetPeriod.DAILY, now()));
        store.reconcile(reservation, 0, BigDecimal.ZERO);
        assertDecimal("0", store.spent("anonymous-" + user, BudgetPeriod.DAILY, now()));
        assertEquals(new AdmissionStore.WindowUsage(0, 0), store.windowUsage(RateScope.DEPLOYMENT, deployment, now()));
    }

    protected final Reservation reserve(AdmissionRequests request) {
        return assertInstanceOf(Admission.Admitted.class, store.reserve(request.build())).reservation();
    }

    protected final <R extends Refusal> R refusedBy(Class<R> kind, AdmissionRequests request) {
        return assertInstanceOf(kind, assertInstanceOf(Admission.Refused.class, store.reserve(request.build())).refusal());
    }

    protected final Instant now() {
        return clock.instant();
    }

    protected final String deployment() {
        return deployment;
    }

    protected static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
