package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.rateLimited;
import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the breakers tell of their own openings and take in verdicts shared by other instances. */
class DeploymentBreakersSharingTest {

    private static final String A = "alpha/m";

    private final MutableClock clock = new MutableClock();
    private final List<String> told = new ArrayList<>();
    private final DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock,
            List.of((label, at, reason) -> told.add(label + " " + at + " " + reason)));

    private void fail(String label, dev.switchboard.provider.ProviderException failure) {
        breakers.tryAcquire(label).orElseThrow().failed(failure);
    }

    private void open(String label) {
        fail(label, unavailable(503));
        fail(label, unavailable(502));
        fail(label, timeout());
    }

    @Test
    void openingFromOwnFailuresTellsTheListenersOnceWithTheLastFailuresKind() {
        fail(A, unavailable(503));
        fail(A, rateLimited(null));
        fail(A, unavailable(503));
        assertEquals(List.of(), told, "two counted failures do not open it");

        fail(A, timeout());

        assertEquals(List.of(A + " " + clock.instant() + " TIMEOUT"), told);
    }

    @Test
    void aFailedTrialCallOpensItAgainAndTellsAgain() {
        open(A);
        clock.advance(ResilienceSettings.DEFAULTS.recovery().plusSeconds(1));

        fail(A, unavailable(500));

        assertEquals(2, told.size());
        assertEquals(BreakerState.OPEN, breakers.state(A));
    }

    @Test
    void aSharedOpenVerdictOpensAClosedBreakerWithoutEchoingIt() {
        assertTrue(breakers.adoptOpen(A, clock.instant().minusSeconds(10)));

        assertEquals(BreakerState.OPEN, breakers.state(A));
        assertTrue(breakers.isOpen(A));
        assertEquals(List.of(), told, "a verdict from elsewhere is not published again");
        // Recovery runs from the verdict, not from when this instance read it: no instance holds it longer.
        clock.advance(ResilienceSettings.DEFAULTS.recovery().minusSeconds(10));
        assertTrue(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isEmpty());
        clock.advance(Duration.ofMillis(1));
        assertFalse(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isPresent(), "the trial call goes through");
    }

    @Test
    void aSharedClosedVerdictAfterTheSharedOpeningClosesItThoughItCameBeforeTheAdoption() {
        Instant failedAt = clock.instant().minusSeconds(10);
        assertTrue(breakers.adoptOpen(A, failedAt));

        assertTrue(breakers.adoptClosed(A, failedAt.plusSeconds(5)), "the probe saw it healthy after it failed");

        assertEquals(BreakerState.CLOSED, breakers.state(A));
    }

    @Test
    void aNewerSharedOpenVerdictOpensAgainABreakerWhoseOwnRecoveryRanOut() {
        open(A);
        clock.advance(ResilienceSettings.DEFAULTS.recovery().plusSeconds(1));
        assertFalse(breakers.isOpen(A), "its recovery has run out: a trial call would go through");
        told.clear();

        // Another instance's trial call failed just now.
        assertTrue(breakers.adoptOpen(A, clock.instant().minusSeconds(1)));

        assertTrue(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isEmpty(), "no trial call from here until the new recovery is over");
        assertEquals(List.of(), told, "a verdict from elsewhere is not published again");
    }

    @Test
    void aSharedOpenVerdictOlderThanTheBreakersOwnOpeningChangesNothing() {
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        open(A);
        clock.advance(ResilienceSettings.DEFAULTS.recovery().minusSeconds(2));

        assertFalse(breakers.adoptOpen(A, before.plusSeconds(1)));
        assertTrue(breakers.isOpen(A), "still within its own recovery");
    }

    @Test
    void aSharedOpenVerdictWhoseRecoveryHasPassedIsIgnored() {
        Instant longAgo = clock.instant().minus(ResilienceSettings.DEFAULTS.recovery());

        assertFalse(breakers.adoptOpen(A, longAgo));

        assertEquals(BreakerState.CLOSED, breakers.state(A));
    }

    @Test
    void aSharedOpenVerdictLeavesAHalfOpenBreakerToItsTrialCall() {
        open(A);
        clock.advance(ResilienceSettings.DEFAULTS.recovery().plusSeconds(1));
        breakers.tryAcquire(A).orElseThrow();
        assertEquals(BreakerState.HALF_OPEN, breakers.state(A));

        assertFalse(breakers.adoptOpen(A, clock.instant()));
        assertFalse(breakers.adoptClosed(A, clock.instant()));

        assertEquals(BreakerState.HALF_OPEN, breakers.state(A));
    }

    @Test
    void aSharedClosedVerdictClosesABreakerOpenedBeforeIt() {
        open(A);
        Instant openedAt = clock.instant();
        clock.advance(Duration.ofSeconds(5));

        assertFalse(breakers.adoptClosed(A, openedAt), "not newer than the failure that opened it");
        assertTrue(breakers.isOpen(A));
        assertTrue(breakers.adoptClosed(A, openedAt.plusSeconds(1)));

        assertEquals(BreakerState.CLOSED, breakers.state(A));
        assertTrue(breakers.tryAcquire(A).isPresent());
        assertEquals(1, told.size(), "closing is not published by the instance");
    }

    @Test
    void aSharedClosedVerdictForABreakerNeverOpenedChangesNothing() {
        assertFalse(breakers.adoptClosed(A, clock.instant()));
        assertEquals(BreakerState.CLOSED, breakers.state(A));
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheCall() {
        DeploymentBreakers throwing = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock,
                List.of((label, at, reason) -> {
                    throw new IllegalStateException("store down");
                }));
        for (int i = 0; i < 3; i++) {
            throwing.tryAcquire(A).orElseThrow().failed(unavailable(503));
        }

        assertEquals(BreakerState.OPEN, throwing.state(A));
    }
}
