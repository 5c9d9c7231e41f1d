package dev.switchboard.service;

import dev.switchboard.api.BudgetExceededException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.CapacityExhaustedException;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.dynamodb.TestAdmissionStores;
import dev.switchboard.testing.TestAws;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.SharedTestClock;
import dev.switchboard.testsupport.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's concurrency test, through the whole request path: four independent application contexts
 * (four Lambda instances, each with its own DynamoDB client, breakers and ledger) share one DynamoDB
 * Local, and 64 threads send POST /complete requests of one key to one deployment whose RPM limit is
 * L, for six minutes moved by a shared test clock. An answer costs about $0.00008 and a reservation
 * holds up to $0.00013, so B is out of reach for the first minutes even with all 64 calls in flight
 * (there the RPM limit refuses) and runs out in the last ones (there the budget refuses). No minute may admit more than L, the spend may never pass B, and every counter must end
 * equal to what the answers themselves report.
 */
class FourInstancesShareLimitsTest {

    private static final int INSTANCES = 4;
    private static final int THREADS = 64;
    private static final int REQUESTS_PER_THREAD_PER_MINUTE = 1;
    private static final int MINUTES = 6;
    private static final long L = 40;
    private static final BigDecimal B = new BigDecimal("0.0150");
    private static final String DEPLOYMENT = "openai/gpt-4o-mini";
    private static final Caller KEY = new Caller("hammer-user", "vk_hammer", new BudgetCaps(B, null),
            RateLimits.NONE, false);
    private static final CompleteRequest REQUEST = new CompleteRequest("Say hello to the team", 200, false, null);

    private static final List<ApplicationContext> instances = new ArrayList<>();
    private static String prefix;

    @BeforeAll
    static void startInstances() {
        SharedTestClock.CLOCK.advance(AdmissionStoreContract.TEN_YEARS);
        Map<String, Object> shared = TestEnvironment.properties();
        prefix = (String) shared.get("switchboard.dynamodb.table-prefix");
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, Object> properties = new HashMap<>(shared);
            properties.put("switchboard.config", "classpath:fixtures/providers/one-hot-deployment.yml");
            properties.put("datasources.default.url", H2Ledger.freshUrl());
            properties.put(SharedTestClock.PROPERTY, "true");
            // Every request asks the same thing: with the cache on, all but the first minute would be free hits.
            properties.put("switchboard.cache.enabled", "false");
            // DynamoDB Local on two cores queues 64 threads' transactions for seconds; DynamoDB answers in ms.
            properties.put("switchboard.dynamodb.api-call-timeout", "30s");
            instances.add(ApplicationContext.run(properties, "test"));
        }
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ApplicationContext::close);
    }

    @Test
    void noMinuteAdmitsMoreThanTheLimitAndTheSpendNeverPassesTheBudget() throws Exception {
        Instant start = SharedTestClock.CLOCK.instant();
        List<Tally> minutes = new ArrayList<>();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int minute = 0; minute < MINUTES; minute++) {
                List<Future<Tally>> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    CompletionService instance = instances.get(t % INSTANCES).getBean(CompletionService.class);
                    threads.add(pool.submit(() -> hammer(instance)));
                }
                Tally tally = new Tally();
                for (Future<Tally> thread : threads) {
                    tally.add(thread.get());
                }
                minutes.add(tally);
                SharedTestClock.CLOCK.advance(Duration.ofMinutes(1));
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;

        try (DynamoDbClient dynamo = TestAws.dynamoDbClient()) {
            AdmissionStore counters = TestAdmissionStores.on(dynamo, prefix, SharedTestClock.CLOCK);
            Tally all = new Tally();
            for (int minute = 0; minute < MINUTES; minute++) {
                Tally t = minutes.get(minute);
                all.add(t);
                AdmissionStore.WindowUsage window = counters.windowUsage(Refusal.RateScope.DEPLOYMENT, DEPLOYMENT,
                        start.plus(Duration.ofMinutes(minute)));
                System.out.printf("minute %d: admitted=%d (limit %d) rate-limited=%d over-budget=%d window=%d "
                        + "requests, %d tokens%n", minute, t.answered, L, t.rateLimited, t.overBudget,
                        window.requests(), window.tokens());
                assertTrue(t.answered <= L, "minute " + minute + " admitted " + t.answered + " > " + L);
                assertEquals(t.answered, window.requests(), "the window counts exactly the calls made");
                assertEquals(t.tokens, window.tokens(), "the window's tokens are reconciled to the real usage");
                assertEquals(THREADS * REQUESTS_PER_THREAD_PER_MINUTE, t.answered + t.rateLimited + t.overBudget,
                        "every request was answered or refused with 429 / 402, none failed otherwise");
            }
            BigDecimal spent = counters.spent(KEY.principal(), Refusal.BudgetPeriod.DAILY, start);
            System.out.printf("4 instances, 64 threads, %d requests in %d ms: answered=%d rate-limited=%d "
                    + "over-budget=%d spent=%s (budget %s) sum of answers' costs=%.9f%n", all.requests(), elapsedMs,
                    all.answered, all.rateLimited, all.overBudget, spent.toPlainString(), B, all.cost);
            assertTrue(spent.compareTo(B) <= 0, "spent " + spent + " > budget " + B);
            assertEquals(all.cost, spent.doubleValue(), 1e-12, "the budget counter ends at the real costs' sum");
            assertEquals(L, minutes.get(0).answered, "the first minute admits exactly the RPM limit");
            assertTrue(minutes.get(0).rateLimited > 0, "and refuses the rest with 429");
            assertTrue(all.overBudget > 0, "the budget runs out within the test");
        }
    }

    private static Tally hammer(CompletionService instance) {
        Tally tally = new Tally();
        for (int i = 0; i < REQUESTS_PER_THREAD_PER_MINUTE; i++) {
            try {
                CompleteResponse r = instance.complete(REQUEST, KEY);
                tally.answered++;
                tally.tokens += r.tokensIn() + r.tokensOut();
                tally.cost += r.cost();
            } catch (CapacityExhaustedException e) {
                tally.rateLimited++;
            } catch (BudgetExceededException e) {
                tally.overBudget++;
            }
        }
        return tally;
    }

    private static final class Tally {
        long answered;
        long rateLimited;
        long overBudget;
        long tokens;
        double cost;

        void add(Tally other) {
            answered += other.answered;
            rateLimited += other.rateLimited;
            overBudget += other.overBudget;
            tokens += other.tokens;
            cost += other.cost;
        }

        long requests() {
            return answered + rateLimited + overBudget;
        }
    }
}
