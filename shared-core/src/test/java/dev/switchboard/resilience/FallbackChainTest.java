package dev.switchboard.resilience;

import dev.switchboard.api.ContextLengthExceededException;
import dev.switchboard.api.RequestUnsupportedException;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.api.RequestTimedOutException;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.routing.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.ASK;
import static dev.switchboard.resilience.ScriptedProviders.attempt;
import static dev.switchboard.resilience.ScriptedProviders.candidate;
import static dev.switchboard.resilience.ScriptedProviders.contextTooLong;
import static dev.switchboard.resilience.ScriptedProviders.notFound;
import static dev.switchboard.resilience.ScriptedProviders.rateLimited;
import static dev.switchboard.resilience.ScriptedProviders.rejected;
import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unauthorized;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static dev.switchboard.resilience.ScriptedProviders.unsupported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, waits, fallbacks and the chain's stopping rules, asserted on recorded waits and attempts. */
class FallbackChainTest {

    private static final Candidate A = candidate("alpha", "m");
    private static final Candidate B = candidate("beta", "m");
    private static final Candidate C = candidate("gamma", "m");

    private final ScriptedProviders fixture = new ScriptedProviders();

    @Test
    void theFirstCandidateAnswersWithoutWaiting() {
        fixture.provider("alpha").answers("hi");
        fixture.provider("beta");

        FallbackChain.Outcome outcome = fixture.call(A, B);

        assertEquals(A, outcome.answeredBy());
        assertEquals("hi", outcome.response().text());
        assertEquals(List.of(attempt(A, "answered", 0, 0, 0)), outcome.attempts());
        assertFalse(outcome.fallbackUsed());
        assertEquals(0, fixture.provider("beta").calls());
        assertTrue(fixture.sleeper.waits.isEmpty());
    }

    @Test
    void theDeadlineCountsFromWhenTheRequestArrivedNotFromWhenTheChainStarted() {
        java.time.Instant arrived = fixture.clock.instant().minusSeconds(5);
        fixture.provider("alpha").answers("hi");

        fixture.chain().call(List.of(A), ScriptedProviders.ASK, CallGate.OPEN, arrived);

        assertEquals(List.of(arrived.plus(ResilienceSettings.DEFAULTS.requestDeadline())),
                fixture.provider("alpha").deadlines, "the 5 s spent before the chain come off its budget");
    }

    @Test
    void everyCallCarriesTheWholeRequestsDeadlineSoNoneOutlastsIt() {
        java.time.Instant start = fixture.clock.instant();
        fixture.provider("alpha").fails(unauthorized());
        fixture.provider("beta").answers("hi");

        fixture.call(A, B);

        java.time.Instant deadline = start.plus(ResilienceSettings.DEFAULTS.requestDeadline());
        assertEquals(List.of(deadline), fixture.provider("alpha").deadlines);
        assertEquals(List.of(deadline), fixture.provider("beta").deadlines, "the same deadline, not a new one");
    }

    @Test
    void serverErrorsAreRetriedAfter100_200_400msThenTheNextCandidateAnswers() {
        fixture.provider("alpha").fails(unavailable(503));
        fixture.provider("beta").answers("from beta");

        FallbackChain.Outcome outcome = fixture.call(A, B);

        assertEquals(4, fixture.provider("alpha").calls(), "one call and three retries");
        assertEquals(List.of(100L, 200L, 400L), fixture.sleeper.waitsMillis());
        assertEquals(B, outcome.answeredBy());
        assertEquals(List.of(attempt(A, "unavailable", 503, 3, 700), attempt(B, "answered", 0, 0, 0)),
                outcome.attempts());
        assertEquals(List.of("alpha/m (unavailable)"), outcome.failedAttempts());
        assertTrue(outcome.fallbackUsed());
    }

    @Test
    void aRetryThatSucceedsKeepsTheFirstCandidate() {
        fixture.provider("alpha").fails(timeout()).answers("second time");

        FallbackChain.Outcome outcome = fixture.call(A);

        assertEquals("second time", outcome.response().text());
        assertEquals(List.of(100L), fixture.sleeper.waitsMillis());
        assertEquals(List.of(attempt(A, "answered", 0, 1, 100)), outcome.attempts());
        assertFalse(outcome.fallbackUsed());
    }

    @Test
    void aRetryAfterLongerThanTheBackoffReplacesIt() {
        fixture.provider("alpha").fails(rateLimited(Duration.ofSeconds(2))).fails(rateLimited(Duration.ofMillis(50)))
                .answers("ok");

        fixture.call(A);

        assertEquals(List.of(2000L, 200L), fixture.sleeper.waitsMillis(), "a shorter Retry-After keeps the backoff");
    }

    @Test
    void aRetryAfterAboveTheCapMovesOnWithoutWaiting() {
        fixture.provider("alpha").fails(rateLimited(Duration.ofSeconds(30)));
        fixture.provider("beta").answers("ok");

        FallbackChain.Outcome outcome = fixture.call(A, B);

        assertEquals(1, fixture.provider("alpha").calls());
        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(List.of(attempt(A, "rate_limited", 429, 0, 0), attempt(B, "answered", 0, 0, 0)),
                outcome.attempts());
    }

    @Test
    void theCapItselfIsHonoured() {
        fixture.provider("alpha").fails(rateLimited(Duration.ofSeconds(10))).answers("ok");

        assertEquals(A, fixture.call(A).answeredBy());
        assertEquals(List.of(10_000L), fixture.sleeper.waitsMillis());
    }

    @Test
    void noWaitReachesTheRequestDeadline() {
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofMillis(500)));
        fixture.provider("alpha").fails(unavailable(502));
        fixture.provider("beta").answers("ok");

        FallbackChain.Outcome outcome = fixture.call(A, B);

        assertEquals(List.of(100L, 200L), fixture.sleeper.waitsMillis(), "the 400 ms wait would end at 700 ms > 500 ms");
        assertEquals(B, outcome.answeredBy(), "time was left for the next candidate");
        assertEquals(attempt(A, "unavailable", 502, 2, 300), outcome.attempts().get(0));
    }

    @Test
    void aRetryAfterPastTheDeadlineIsNotWaited() {
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(5)));
        fixture.provider("alpha").fails(rateLimited(Duration.ofSeconds(6)));

        NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class, () -> fixture.call(A));

        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(List.of("alpha/m (rate_limited)"), e.tried());
    }

    @Test
    void noCandidateIsStartedOnceTheDeadlineHasPassed() {
        fixture.settings(new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
        fixture.provider("alpha").takes(Duration.ofSeconds(30), timeout());
        fixture.provider("beta").answers("too late");

        RequestTimedOutException e = assertThrows(RequestTimedOutException.class, () -> fixture.call(A, B));

        assertEquals(1, fixture.provider("alpha").calls());
        assertEquals(0, fixture.provider("beta").calls());
        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(List.of("alpha/m (timeout)"), e.tried());
        assertEquals(504, e.status());
        assertEquals("timeout", e.type());
        assertEquals("No provider answered within the request's deadline of 30 s; tried alpha/m (timeout)",
                e.getMessage());
    }

    @Test
    void aRejectedRequestStopsTheChainWithoutRetry() {
        fixture.provider("alpha").fails(unavailable(500)).fails(unavailable(500)).fails(unavailable(500))
                .fails(unavailable(500));
        fixture.provider("beta").fails(rejected());
        fixture.provider("gamma").answers("never asked");

        ProviderRejectedException e = assertThrows(ProviderRejectedException.class, () -> fixture.call(A, B, C));

        assertEquals(1, fixture.provider("beta").calls());
        assertEquals(0, fixture.provider("gamma").calls());
        assertEquals(List.of("alpha/m (unavailable)", "beta/m (rejected)"), e.tried());
        assertEquals("beta/m rejected the request", e.getMessage());
        assertEquals(List.of(100L, 200L, 400L), fixture.sleeper.waitsMillis(), "only alpha's retries");
    }

    @Test
    void aRequestTheFirstDeploymentCannotTakeFallsBackToTheSecondWithoutRetryOrBreakerJudgment() {
        fixture.provider("alpha").fails(unsupported());
        fixture.provider("beta").answers("from beta");

        for (int request = 1; request <= 5; request++) {
            FallbackChain.Outcome outcome = fixture.call(A, B);

            assertEquals(B, outcome.answeredBy());
            assertEquals("from beta", outcome.response().text());
            assertEquals(List.of(attempt(A, "unsupported", 0, 0, 0), attempt(B, "answered", 0, 0, 0)),
                    outcome.attempts());
            assertEquals(List.of("alpha/m (unsupported)"), outcome.failedAttempts());
        }
        assertEquals(5, fixture.provider("alpha").calls(), "asked once per request: never retried, never skipped");
        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()), "not the deployment's failure");
    }

    @Test
    void aKeyTheGatewayCouldNotReadFallsBackButCountsAgainstNoDeployment() {
        fixture.provider("alpha").fails(ProviderException.keyUnreadable("alpha", "alpha's API key could not be read"));
        fixture.provider("beta").answers("from beta");

        for (int request = 1; request <= 3; request++) {
            FallbackChain.Outcome outcome = fixture.call(A, B);

            assertEquals(B, outcome.answeredBy());
            assertEquals(List.of("alpha/m (key_unreadable)"), outcome.failedAttempts());
            assertFalse(outcome.attempts().get(0).deploymentFault(), "no success rate counts it either");
        }
        assertEquals(3, fixture.provider("alpha").calls(), "not retried: the key source fails fast for a while");
        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()),
                "three requests' worth of failures, none of them the deployment's");
    }

    @Test
    void unauthorizedAndNotFoundFallBackWithoutRetry() {
        fixture.provider("alpha").fails(unauthorized());
        fixture.provider("beta").fails(notFound());
        fixture.provider("gamma").answers("ok");

        FallbackChain.Outcome outcome = fixture.call(A, B, C);

        assertEquals(C, outcome.answeredBy());
        assertEquals(1, fixture.provider("alpha").calls());
        assertEquals(1, fixture.provider("beta").calls());
        assertTrue(fixture.sleeper.waits.isEmpty());
        assertEquals(List.of(attempt(A, "unauthorized", 401, 0, 0), attempt(B, "not_found", 404, 0, 0),
                attempt(C, "answered", 0, 0, 0)), outcome.attempts());
    }

    @Test
    void aContextTooLongPassesOverCandidatesWhoseContextIsNoLarger() {
        Candidate small = candidate("alpha", "small", 8_000);
        Candidate same = candidate("beta", "same", 8_000);
        Candidate smaller = candidate("beta", "smaller", 4_000);
        Candidate large = candidate("gamma", "large", 128_000);
        fixture.provider("alpha").fails(contextTooLong());
        fixture.provider("beta").answers("never asked");
        fixture.provider("gamma").answers("fits");

        FallbackChain.Outcome outcome = fixture.call(small, same, smaller, large);

        assertEquals(large, outcome.answeredBy());
        assertEquals(0, fixture.provider("beta").calls());
        assertEquals(1, fixture.provider("alpha").calls(), "not retried");
        assertEquals(List.of("alpha/small (context_too_long)", "beta/same (context_too_small)",
                "beta/smaller (context_too_small)"), outcome.failedAttempts());
    }

    @Test
    void aConversationTooLongForEveryDeploymentIsTheCallers400NotAnOutage() {
        Candidate small = candidate("alpha", "small", 8_000);
        Candidate smaller = candidate("beta", "smaller", 4_000);
        Candidate large = candidate("gamma", "large", 128_000);
        fixture.provider("alpha").fails(contextTooLong());
        fixture.provider("gamma").fails(contextTooLong());

        ContextLengthExceededException e = assertThrows(ContextLengthExceededException.class,
                () -> fixture.call(small, smaller, large));

        assertEquals(400, e.status());
        assertEquals("context_length_exceeded", e.type());
        assertEquals("messages", e.field());
        assertEquals(List.of("alpha/small (context_too_long)", "beta/smaller (context_too_small)",
                "gamma/large (context_too_long)"), e.tried());
    }

    @Test
    void aRequestNoDeploymentTriedCanTakeIsTheCallers422NotAnOutage() {
        fixture.provider("alpha").fails(unsupported());
        fixture.provider("beta").fails(unsupported());

        RequestUnsupportedException e = assertThrows(RequestUnsupportedException.class,
                () -> fixture.call(candidate("alpha", "a", 8_000), candidate("beta", "b", 8_000)));

        assertEquals(422, e.status());
        assertEquals("no_eligible_deployment", e.type());
        assertEquals(List.of("alpha/a (unsupported)", "beta/b (unsupported)"), e.tried());
    }

    @Test
    void anUnsupportedRequestBesideAnotherFailureIsStillAnOutage() {
        fixture.provider("alpha").fails(unsupported());
        fixture.provider("beta").fails(unauthorized());

        assertThrows(NoProviderAvailableException.class, () -> fixture.call(candidate("alpha", "a", 8_000),
                candidate("beta", "b", 8_000)), "beta may take it once its key is mended");
    }

    @Test
    void aContextTooLongBesideAnotherFailureIsStillAnOutage() {
        fixture.provider("alpha").fails(contextTooLong());
        fixture.provider("beta").fails(unauthorized());

        assertThrows(NoProviderAvailableException.class, () -> fixture.call(candidate("alpha", "small", 8_000),
                candidate("beta", "large", 128_000)), "the larger one never said the conversation was too long");
    }

    @Test
    void twoDeploymentsFailingDifferentlyAreBothRecordedAndTheThirdAnswers() {
        fixture.provider("alpha").fails(unavailable(503));
        fixture.provider("beta").fails(timeout()).fails(timeout()).fails(unauthorized());
        fixture.provider("gamma").answers("third time lucky");

        FallbackChain.Outcome outcome = fixture.call(A, B, C);

        assertEquals(C, outcome.answeredBy());
        assertEquals("third time lucky", outcome.response().text());
        assertEquals(List.of("alpha/m (unavailable)", "beta/m (unauthorized)"), outcome.failedAttempts());
        assertEquals(List.of(attempt(A, "unavailable", 503, 3, 700), attempt(B, "unauthorized", 401, 2, 300),
                attempt(C, "answered", 0, 0, 0)), outcome.attempts());
        assertEquals(List.of(100L, 200L, 400L, 100L, 200L), fixture.sleeper.waitsMillis());
    }

    @Test
    void whenNobodyAnswersTheErrorNamesWhatWasTried() {
        fixture.provider("alpha").fails(unauthorized());
        fixture.provider("beta").fails(notFound());

        NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class, () -> fixture.call(A, B));

        assertEquals(List.of("alpha/m (unauthorized)", "beta/m (not_found)"), e.tried());
        assertEquals("No provider could answer; tried alpha/m (unauthorized), beta/m (not_found)", e.getMessage());
    }

    @Test
    void anEmptyRankingHasNobodyToAsk() {
        NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class, () -> fixture.call());

        assertEquals(List.of(), e.tried());
    }

    @Test
    void anUnknownProviderIsAWiringErrorNotAProviderFailure() {
        fixture.provider("alpha");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fixture.call(candidate("nobody", "m")));

        assertEquals("no adapter registered for provider nobody", e.getMessage());
    }

    @Test
    void anInterruptedWaitEndsTheRequestAndKeepsTheInterrupt() {
        fixture.provider("alpha").fails(unavailable(503));
        fixture.provider("beta").answers("not asked");
        fixture.sleeper.interruptNext = true;
        try {
            NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class, () -> fixture.call(A, B));

            assertTrue(Thread.currentThread().isInterrupted());
            assertEquals(List.of("alpha/m (unavailable)"), e.tried());
            assertEquals(1, fixture.provider("alpha").calls());
            assertEquals(0, fixture.provider("beta").calls());
        } finally {
            Thread.interrupted();
        }
    }
}
