package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.provider.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.rateLimited;
import static dev.switchboard.resilience.ScriptedProviders.rejected;
import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unauthorized;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breaker's states on the injected clock: no sleeps, no background transitions. */
class DeploymentBreakersTest {

    private static final String A = "alpha/m";

    private final MutableClock clock = new MutableClock();
    private final DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock);
    private final Logger log = (Logger) LoggerFactory.getLogger(DeploymentBreakers.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void detachLog() {
        log.detachAppender(logged);
    }

    private void fail(String label, ProviderException failure) {
        breakers.tryAcquire(label).orElseThrow().failed(failure);
    }

    private void succeed(String label) {
        breakers.tryAcquire(label).orElseThrow().succeeded();
    }

    private void open(String label) {
        fail(label, unavailable(503));
        fail(label, timeout());
        fail(label, unauthorized());
    }

    @Test
    void aCallIsUnderWayFromItsPermitUntilThePermitIsSettledOnce() {
        BreakerPermit first = breakers.tryAcquire(A).orElseThrow();
        BreakerPermit second = breakers.tryAcquire(A).orElseThrow();
        assertEquals(2, breakers.inFlight(A));
        assertEquals(0, breakers.inFlight("never/called"));

        first.succeeded();
        first.failed(timeout());
        second.release();

        assertEquals(0, breakers.inFlight(A), "each permit counts off once, however it is settled");
    }

    @Test
    void aDeploymentNeverCalledIsClosed() {
        assertEquals(BreakerState.CLOSED, breakers.state(A));
        assertFalse(breakers.isOpen(A));
    }

    @Test
    void threeCountedFailuresOpenItAndCallsAreRefused() {
        fail(A, unavailable(503));
        fail(A, timeout());
        assertEquals(BreakerState.CLOSED, breakers.state(A));

        fail(A, unavailable(500));

        assertEquals(BreakerState.OPEN, breakers.state(A));
        assertTrue(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isEmpty());
        assertEquals(BreakerState.CLOSED, breakers.state("beta/m"), "each deployment has its own breaker");
    }

    @Test
    void aSuccessBetweenFailuresKeepsItClosedUntilThreeInARow() {
        fail(A, unavailable(503));
        fail(A, unavailable(503));
        succeed(A);
        fail(A, unavailable(503));
        fail(A, unavailable(503));
        assertEquals(BreakerState.CLOSED, breakers.state(A));

        fail(A, unavailable(503));

        assertEquals(BreakerState.OPEN, breakers.state(A));
    }

    @Test
    void rateLimitsAndRejectedRequestsNeverOpenIt() {
        for (int i = 0; i < 10; i++) {
            fail(A, rateLimited(Duration.ofSeconds(1)));
            fail(A, rejected());
        }
        assertEquals(BreakerState.CLOSED, breakers.state(A));

        fail(A, unavailable(503));
        fail(A, rateLimited(null));
        fail(A, unavailable(503));
        fail(A, rejected());
        fail(A, unavailable(503));

        assertEquals(BreakerState.OPEN, breakers.state(A), "ignored outcomes do not break a run of real failures");
    }

    @Test
    void itHalfOpensOnlyAfterTheRecoveryTimeOfTheInjectedClock() {
        open(A);

        clock.advance(Duration.ofSeconds(60));
        assertTrue(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isEmpty(), "at exactly 60 s it still refuses");

        clock.advance(Duration.ofMillis(1));
        assertFalse(breakers.isOpen(A), "routing may offer it its trial call");
        assertEquals(BreakerState.OPEN, breakers.state(A), "nothing moves it in the background");

        BreakerPermit trial = breakers.tryAcquire(A).orElseThrow();
        assertEquals(BreakerState.HALF_OPEN, breakers.state(A));
        assertTrue(breakers.tryAcquire(A).isEmpty(), "one trial call at a time");
        trial.release();
    }

    @Test
    void aSuccessfulTrialClosesIt() {
        open(A);
        clock.advance(Duration.ofSeconds(61));

        succeed(A);

        assertEquals(BreakerState.CLOSED, breakers.state(A));
        fail(A, unavailable(503));
        fail(A, unavailable(503));
        assertEquals(BreakerState.CLOSED, breakers.state(A), "the count starts again from nothing");
    }

    @Test
    void aFailedTrialOpensItForAnotherRecoveryTime() {
        open(A);
        clock.advance(Duration.ofSeconds(61));

        fail(A, timeout());

        assertEquals(BreakerState.OPEN, breakers.state(A));
        assertTrue(breakers.isOpen(A));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(breakers.tryAcquire(A).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        assertTrue(breakers.tryAcquire(A).isPresent());
    }

    @Test
    void aRateLimitedTrialLeavesItHalfOpenForTheNextTrial() {
        open(A);
        clock.advance(Duration.ofSeconds(61));

        fail(A, rateLimited(Duration.ofSeconds(1)));

        assertEquals(BreakerState.HALF_OPEN, breakers.state(A));
        succeed(A);
        assertEquals(BreakerState.CLOSED, breakers.state(A));
    }

    @Test
    void aPermitIsSettledOnlyOnce() {
        BreakerPermit permit = breakers.tryAcquire(A).orElseThrow();
        permit.failed(unavailable(503));
        permit.failed(unavailable(503));
        permit.release();
        fail(A, unavailable(503));

        assertEquals(BreakerState.CLOSED, breakers.state(A), "two failures recorded, not three");
    }

    @Test
    void listenersHearABreakerOpenAndCloseAgain() {
        List<String> heard = new ArrayList<>();
        DeploymentBreakers listened = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock, List.of(
                new BreakerListener() {
                    @Override
                    public void opened(String label, Instant at, String reason) {
                        heard.add("opened " + label + " " + reason);
                    }

                    @Override
                    public void closed(String label, Instant at) {
                        heard.add("closed " + label);
                    }
                }));
        for (int i = 0; i < 3; i++) {
            listened.tryAcquire(A).orElseThrow().failed(unavailable(503));
        }
        clock.advance(Duration.ofSeconds(61));
        listened.tryAcquire(A).orElseThrow().succeeded();

        assertEquals(List.of("opened alpha/m UNAVAILABLE", "closed alpha/m"), heard);
    }

    @Test
    void transitionsAreLoggedWithTheDeployment() {
        logged.start();
        log.addAppender(logged);

        open(A);
        clock.advance(Duration.ofSeconds(61));
        succeed(A);

        List<String> lines = logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("WARN ") && lines.get(0).contains("deployment=alpha/m")
                && lines.get(0).contains("from=CLOSED to=OPEN"), lines.get(0));
        assertEquals(Level.INFO, logged.list.get(1).getLevel());
        assertTrue(lines.get(1).contains("from=OPEN to=HALF_OPEN") && lines.get(1).contains("alpha/m"), lines.get(1));
        assertTrue(lines.get(2).contains("from=HALF_OPEN to=CLOSED"), lines.get(2));
    }
}
