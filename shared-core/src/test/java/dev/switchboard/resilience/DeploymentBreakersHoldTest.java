package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A breaker held open until a set time (a simulated outage), shorter or longer than its recovery. */
class DeploymentBreakersHoldTest {

    private static final String A = "alpha/m";
    private static final Duration RECOVERY = ResilienceSettings.DEFAULTS.recovery();

    private final MutableClock clock = new MutableClock();
    private final List<String> told = new ArrayList<>();
    private final DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock,
            List.of((label, at, reason) -> told.add(label)));

    @Test
    void aHoldLongerThanTheRecoveryKeepsItOpenWithoutATrialCallThenCloses() {
        assertTrue(breakers.holdOpenUntil(A, clock.instant().plus(RECOVERY.multipliedBy(3))));

        clock.advance(RECOVERY.multipliedBy(2));
        assertTrue(breakers.isOpen(A));
        assertEquals(BreakerState.OPEN, breakers.state(A));
        assertTrue(breakers.tryAcquire(A).isEmpty(), "no trial call while held");

        clock.advance(RECOVERY);
        assertFalse(breakers.isOpen(A));
        assertEquals(BreakerState.CLOSED, breakers.state(A));
        assertTrue(breakers.tryAcquire(A).isPresent());
        assertEquals(List.of(), told, "a hold is not news to publish again");
    }

    @Test
    void aHoldShorterThanTheRecoveryEndsOnTime() {
        breakers.holdOpenUntil(A, clock.instant().plusSeconds(5));

        clock.advance(Duration.ofSeconds(4));
        assertTrue(breakers.isOpen(A));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(breakers.isOpen(A));
        assertTrue(breakers.tryAcquire(A).isPresent());
    }

    @Test
    void aSharedRecoveryDoesNotEndAHoldButALaterHoldReplacesIt() {
        breakers.holdOpenUntil(A, clock.instant().plusSeconds(600));

        assertFalse(breakers.adoptClosed(A, clock.instant().plusSeconds(1)));
        assertTrue(breakers.isOpen(A));

        assertTrue(breakers.holdOpenUntil(A, clock.instant().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(breakers.isOpen(A));
    }

    @Test
    void aHoldAlreadyOverIsIgnored() {
        assertFalse(breakers.holdOpenUntil(A, clock.instant()));
        assertFalse(breakers.isOpen(A));
    }
}
