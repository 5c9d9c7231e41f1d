package dev.switchboard.resilience;

import dev.switchboard.routing.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.resilience.ScriptedProviders.ASK;
import static dev.switchboard.resilience.ScriptedProviders.candidate;
import static dev.switchboard.resilience.ScriptedProviders.rateLimited;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fallback chain and the breakers together: requests open, skip, half-open and close a deployment. */
class ChainBreakersTest {

    private static final Candidate A = candidate("alpha", "m");
    private static final Candidate B = candidate("beta", "m");

    private final ScriptedProviders fixture = new ScriptedProviders();

    private FallbackChain.Outcome request() {
        return fixture.chain().call(List.of(A, B), ASK);
    }

    private void failThreeRequests() {
        fixture.provider("alpha").fails(unavailable(503));
        fixture.provider("beta").answers("ok");
        for (int i = 0; i < 3; i++) {
            assertEquals(B, request().answeredBy());
        }
    }

    @Test
    void threeFailedRequestsOpenTheBreakerAndTheDeploymentIsPassedOver() {
        failThreeRequests();
        assertEquals(12, fixture.provider("alpha").calls(), "each request's retries are one judgment, not four");
        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()));
        int waitsBefore = fixture.sleeper.waits.size();

        FallbackChain.Outcome outcome = request();

        assertEquals(12, fixture.provider("alpha").calls(), "not called while open");
        assertEquals(waitsBefore, fixture.sleeper.waits.size());
        assertEquals(List.of(new Attempt("alpha/m", "circuit_open", 0, 0, Duration.ZERO),
                new Attempt("beta/m", "answered", 0, 0, Duration.ZERO)), outcome.attempts());
        assertEquals(List.of("alpha/m (circuit_open)"), outcome.failedAttempts());
    }

    @Test
    void afterTheRecoveryTimeOneTrialRequestClosesItOnSuccess() {
        failThreeRequests();
        fixture.clock.advance(Duration.ofSeconds(60));
        assertEquals("circuit_open", request().attempts().get(0).kind(), "still open at exactly 60 s");

        fixture.clock.advance(Duration.ofMillis(1));
        fixture.provider("alpha").answers("recovered");
        FallbackChain.Outcome outcome = request();

        assertEquals(A, outcome.answeredBy());
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()));
    }

    @Test
    void whileTheHalfOpenTrialIsUnderWayOtherRequestsHoldNoRoomForIt() {
        failThreeRequests();
        fixture.clock.advance(Duration.ofSeconds(61));
        BreakerPermit trial = fixture.breakers().tryAcquire(A.label()).orElseThrow(); // another request's trial call
        List<String> entered = new ArrayList<>();
        CallGate gate = new CallGate() {
            @Override
            public Optional<String> enter(Candidate candidate) {
                entered.add(candidate.label());
                return Optional.empty();
            }

            @Override
            public void failed(Candidate candidate, Attempt attempt) {
                entered.add("given back: " + candidate.label());
            }
        };

        FallbackChain.Outcome outcome = fixture.chain().call(List.of(A, B), ASK, gate, fixture.clock.instant());

        assertEquals(B, outcome.answeredBy());
        assertEquals("circuit_open", outcome.attempts().get(0).kind());
        assertEquals(List.of("beta/m"), entered, "no reservation for alpha, whose call was never going to be made");
        trial.release();
    }

    @Test
    void aFailedTrialReopensItAtOnce() {
        failThreeRequests();
        fixture.clock.advance(Duration.ofSeconds(61));
        int callsBefore = fixture.provider("alpha").calls();

        assertEquals(B, request().answeredBy());

        assertEquals(callsBefore + 4, fixture.provider("alpha").calls(), "the trial request had its retries");
        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()));
        assertEquals("circuit_open", request().attempts().get(0).kind());
    }

    @Test
    void aServerErrorBeforeARateLimitThatEndsTheTriesStillCounts() {
        // Each request: a 503, then a 429 asking for longer than the gateway waits, so the tries end there.
        for (int i = 0; i < 3; i++) {
            fixture.provider("alpha").fails(unavailable(503)).fails(rateLimited(Duration.ofSeconds(30)));
        }
        fixture.provider("beta").answers("ok");

        for (int i = 0; i < 3; i++) {
            FallbackChain.Outcome outcome = request();
            assertEquals(B, outcome.answeredBy());
            assertEquals(List.of("alpha/m (unavailable)"), outcome.failedAttempts(), "judged on its own failure");
            assertTrue(outcome.attempts().get(0).deploymentFault());
        }

        assertEquals(6, fixture.provider("alpha").calls());
        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()),
                "a deployment answering 503 and 429 by turns is failing, and its circuit opens");
    }

    @Test
    void rateLimitsNeverOpenTheBreaker() {
        fixture.provider("alpha").fails(rateLimited(Duration.ofSeconds(30)));
        fixture.provider("beta").answers("ok");

        for (int i = 0; i < 10; i++) {
            assertEquals(List.of("alpha/m (rate_limited)"), request().failedAttempts());
        }

        assertEquals(10, fixture.provider("alpha").calls());
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()));
        assertFalse(fixture.breakers().isOpen(A.label()));
        assertTrue(fixture.sleeper.waits.isEmpty());
    }
}
