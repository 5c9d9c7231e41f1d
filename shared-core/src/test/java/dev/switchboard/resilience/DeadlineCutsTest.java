package dev.switchboard.resilience;

import dev.switchboard.api.RequestTimedOutException;
import dev.switchboard.routing.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.attempt;
import static dev.switchboard.resilience.ScriptedProviders.candidate;
import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unauthorized;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which timeouts count against a deployment's breaker: its own, and a deadline's cut only when it proves a hang. */
class DeadlineCutsTest {

    private static final Candidate A = candidate("alpha", "m");
    private static final Candidate B = candidate("beta", "m");

    private final ScriptedProviders fixture = new ScriptedProviders();

    @Test
    void aCallTheDeadlineCutAfterLittleOfItIsNotHeldAgainstTheDeployment() {
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            // Alpha spends 20 s of the request's 30; beta is cut after the 10 s left, which proves nothing of it.
            fixture.provider("alpha").takes(Duration.ofSeconds(20), unauthorized());
            fixture.provider("beta").takes(Duration.ofSeconds(10), timeout());
            RequestTimedOutException e = assertThrows(RequestTimedOutException.class, () -> fixture.call(A, B));
            assertEquals(List.of("alpha/m (unauthorized)", "beta/m (timeout)"), e.tried());
        }

        assertEquals(BreakerState.CLOSED, fixture.breakers().state(B.label()),
                "three requests that ran out of time do not open the deployment's circuit");
    }

    @Test
    void aCallThatHadHalfTheDeadlineAndSentNothingIsItsDeploymentsTimeoutThoughTheDeadlineCutIt() {
        // As on Lambda: the request's deadline (27 s) is shorter than a call's timeout (60 s), so a deployment that
        // accepts the connection and never answers is always cut by the deadline, never by its own timeout.
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(27)));
        fixture.provider("beta");
        for (int i = 0; i < 3; i++) {
            fixture.provider("alpha").takes(Duration.ofSeconds(27), timeout());
            assertThrows(RequestTimedOutException.class, () -> fixture.call(A, B));
        }

        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()), "a hung deployment opens its circuit");
        fixture.provider("beta").answers("from beta");
        FallbackChain.Outcome outcome = fixture.call(A, B);
        assertEquals(B, outcome.answeredBy(), "and the next request goes past it at once");
        assertEquals(List.of(attempt(A, Attempt.CIRCUIT_OPEN, 0, 0, 0), attempt(B, "answered", 0, 0, 0)),
                outcome.attempts());
    }

    @Test
    void aRetryTheDeadlineCutIsJudgedOnTheFailureBeforeIt() {
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            // A 503 after 20 s, then a retry cut after the 10 s left: the 503 was the deployment's own.
            fixture.provider("alpha").takes(Duration.ofSeconds(20), unavailable(503))
                    .takes(Duration.ofMillis(9_900), timeout());
            RequestTimedOutException e = assertThrows(RequestTimedOutException.class, () -> fixture.call(A));
            assertEquals(List.of("alpha/m (timeout)"), e.tried());
        }

        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()));
    }

    @Test
    void aTimeoutWellBeforeTheDeadlineStillCounts() {
        for (int i = 0; i < 3; i++) {
            fixture.provider("alpha").takes(Duration.ofSeconds(1), timeout()).takes(Duration.ofSeconds(1), timeout())
                    .takes(Duration.ofSeconds(1), timeout()).takes(Duration.ofSeconds(1), timeout());
            assertThrows(RuntimeException.class, () -> fixture.call(A));
        }

        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()));
    }
}
