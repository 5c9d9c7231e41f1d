package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.routing.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.ASK;
import static dev.switchboard.resilience.ScriptedProviders.candidate;
import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before its first chunk a stream falls back like a call; after it, it is never retried or restarted. */
class StreamingFallbackTest {

    private static final Candidate A = candidate("alpha", "m");
    private static final Candidate B = candidate("beta", "m");

    private final ScriptedProviders fixture = new ScriptedProviders();
    private final List<StreamChunk> client = new ArrayList<>();

    private FallbackChain.StreamOutcome stream(Candidate... ranked) {
        return fixture.chain().stream(List.of(ranked), ASK, client::add);
    }

    private List<String> texts() {
        return client.stream().filter(chunk -> !chunk.isLast()).map(StreamChunk::textDelta).toList();
    }

    @Test
    void aStreamThatFailsBeforeItsFirstChunkIsRetriedThenFallsBack() {
        fixture.provider("alpha").fails(unavailable(503));
        fixture.provider("beta").answers("Hel", "lo");

        FallbackChain.StreamOutcome outcome = stream(A, B);

        assertEquals(B, outcome.answeredBy());
        assertEquals(3, outcome.chunks(), "two text chunks and the last one");
        assertEquals(List.of("Hel", "lo"), texts());
        assertTrue(client.get(client.size() - 1).isLast());
        assertEquals(List.of(100L, 200L, 400L), fixture.sleeper.waitsMillis());
        assertEquals(List.of(new Attempt("alpha/m", "unavailable", 503, 3, Duration.ofMillis(700)),
                new Attempt("beta/m", "answered", 0, 0, Duration.ZERO)), outcome.attempts());
        assertTrue(outcome.fallbackUsed());
    }

    @Test
    void aRetryBeforeTheFirstChunkKeepsTheCandidate() {
        fixture.provider("alpha").fails(timeout()).answers("fine");

        FallbackChain.StreamOutcome outcome = stream(A, B);

        assertEquals(A, outcome.answeredBy());
        assertEquals(List.of("fine"), texts());
        assertEquals(List.of(100L), fixture.sleeper.waitsMillis());
        assertFalse(outcome.fallbackUsed());
    }

    @Test
    void aStreamBrokenAfterItsFirstChunkIsNeitherRetriedNorRestartedElsewhere() {
        fixture.provider("alpha").breaksAfter(timeout(), "Hel", "lo, wor");
        fixture.provider("beta").answers("never", "sent");

        StreamBrokenException e = assertThrows(StreamBrokenException.class, () -> stream(A, B));

        assertEquals("alpha/m", e.deployment());
        assertEquals(2, e.chunksDelivered());
        assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
        assertEquals("alpha/m failed after 2 chunk(s) had been sent (timeout)", e.getMessage());
        assertEquals(List.of(new Attempt("alpha/m", "timeout", 0, 0, Duration.ZERO)), e.attempts());
        assertEquals(List.of("Hel", "lo, wor"), texts(), "no last chunk: the caller must end the stream with an error");
        assertEquals(1, fixture.provider("alpha").calls());
        assertEquals(0, fixture.provider("beta").calls());
        assertTrue(fixture.sleeper.waits.isEmpty());
    }

    @Test
    void aStreamThatReturnsWithoutItsLastChunkBrokeOffAndIsNotTakenForAnAnswer() {
        fixture.provider("alpha").stopsWithoutEnding();
        fixture.provider("beta").answers("whole");

        FallbackChain.StreamOutcome outcome = stream(A, B);

        assertEquals(B, outcome.answeredBy(), "nothing was sent: the next deployment answers");
        assertEquals(List.of("whole"), texts());
    }

    @Test
    void aStreamThatReturnsWithoutItsLastChunkAfterTextIsBrokenAfterItsStart() {
        fixture.provider("alpha").stopsWithoutEnding("Hel", "lo");

        StreamBrokenException e = assertThrows(StreamBrokenException.class, () -> stream(A, B));

        assertEquals(2, e.chunksDelivered());
        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of("Hel", "lo"), texts());
    }

    @Test
    void whereTheDeadlineEndsStreamsTheFirstChunkPastItEndsTheStreamAsATimeoutTheBreakerDoesNotCount() {
        fixture.settings(ResilienceSettings.DEFAULTS.withDeadlineEndingStreams(true));
        // The default deadline is 120 s: the third chunk comes at 150 s.
        fixture.provider("alpha").streamsSlowly(Duration.ofSeconds(50), "one ", "two ", "three ", "four");

        StreamBrokenException e = assertThrows(StreamBrokenException.class, () -> stream(A, B));

        assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
        assertEquals(List.of("one ", "two "), texts(), "nothing past the deadline reached the client");
        assertEquals(0, fixture.provider("beta").calls());
        // Three failures in a row would open alpha's circuit: cuts by the deadline are not alpha's failures.
        assertThrows(StreamBrokenException.class, () -> stream(A, B));
        assertThrows(StreamBrokenException.class, () -> stream(A, B));
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()));
    }

    @Test
    void aRetryAnsweringWhenTheDeadlineEndsItClearsTheFailureBeforeIt() {
        fixture.settings(ResilienceSettings.DEFAULTS.withDeadlineEndingStreams(true));
        for (int i = 0; i < 3; i++) {
            // A 503, then a retry that streams until the deadline (120 s) ends it mid-answer.
            fixture.provider("alpha").fails(unavailable(503)).streamsSlowly(Duration.ofSeconds(50), "one ", "two ",
                    "three ", "four");
            assertThrows(StreamBrokenException.class, () -> stream(A, B));
            fixture.clock.advance(Duration.ofMinutes(5));
        }

        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()), "the deployment was answering");
    }

    @Test
    void theLastChunkPassesTheDeadlineSinceTheAnswerIsWholeAndBilledThen() {
        fixture.settings(ResilienceSettings.DEFAULTS.withDeadlineEndingStreams(true));
        // The text arrives at 100 s, the last chunk (with the usage, and any tool call) at 150 s.
        fixture.provider("alpha").streamsSlowly(Duration.ofSeconds(50), "one ", "two");

        FallbackChain.StreamOutcome outcome = stream(A, B);

        assertEquals(List.of("one ", "two"), texts());
        assertTrue(client.get(client.size() - 1).isLast());
        assertEquals(A, outcome.answeredBy());
    }

    @Test
    void whereTheDeadlineEndsStreamsEachStreamIsAskedToEndAtItAndNoCallIs() {
        fixture.settings(ResilienceSettings.DEFAULTS.withDeadlineEndingStreams(true));
        fixture.provider("alpha").fails(unavailable(503)).answers("fine");
        Instant deadline = fixture.clock.instant().plus(ResilienceSettings.DEFAULTS.requestDeadline());

        stream(A);
        fixture.chain().call(List.of(A), ASK);

        // A quiet stream is then ended by its adapter at the deadline, whatever comes; a call already has it.
        assertEquals(Arrays.asList(deadline, deadline, null), fixture.provider("alpha").streamEnds);
    }

    @Test
    void elsewhereNoStreamIsAskedToEndAtTheDeadline() {
        fixture.provider("alpha").answers("fine");

        stream(A);

        assertEquals(Collections.singletonList(null), fixture.provider("alpha").streamEnds);
    }

    @Test
    void elsewhereAStreamThatKeepsSendingOutlastsTheDeadline() {
        fixture.provider("alpha").streamsSlowly(Duration.ofSeconds(50), "one ", "two ", "three ", "four");

        FallbackChain.StreamOutcome outcome = stream(A, B);

        assertEquals(List.of("one ", "two ", "three ", "four"), texts());
        assertEquals(A, outcome.answeredBy());
    }

    @Test
    void aBrokenStreamAfterAFallbackCarriesEveryAttempt() {
        fixture.provider("alpha").fails(ScriptedProviders.unauthorized());
        fixture.provider("beta").breaksAfter(unavailable(502), "partial");

        StreamBrokenException e = assertThrows(StreamBrokenException.class, () -> stream(A, B));

        assertEquals("beta/m", e.deployment());
        assertEquals(List.of("alpha/m (unauthorized)", "beta/m (unavailable)"), Attempt.failures(e.attempts()));
        assertInstanceOf(ProviderException.class, e.getCause());
    }

    @Test
    void aStreamThatWasAnsweringWhenARateLimitCutItIsNotJudgedByTheServerErrorBeforeIt() {
        for (int i = 0; i < 3; i++) {
            fixture.provider("alpha").fails(unavailable(503)).breaksAfter(ScriptedProviders.rateLimited(null), "part");
        }

        for (int i = 0; i < 3; i++) {
            StreamBrokenException e = assertThrows(StreamBrokenException.class, () -> stream(A));
            assertEquals(List.of("alpha/m (rate_limited)"), Attempt.failures(e.attempts()));
        }

        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()),
                "a try that was answering clears what failed before it");
    }

    @Test
    void theBreakerSeesBrokenStreamsAsFailuresAndWholeStreamsAsSuccesses() {
        fixture.provider("alpha").breaksAfter(unavailable(500), "a").breaksAfter(unavailable(500), "b")
                .breaksAfter(unavailable(500), "c").answers("whole");
        for (int i = 0; i < 3; i++) {
            assertThrows(StreamBrokenException.class, () -> stream(A));
        }
        assertEquals(BreakerState.OPEN, fixture.breakers().state(A.label()));

        fixture.clock.advance(Duration.ofSeconds(61));
        client.clear();
        FallbackChain.StreamOutcome outcome = stream(A);

        assertEquals(A, outcome.answeredBy());
        assertEquals(List.of("whole"), texts());
        assertEquals(BreakerState.CLOSED, fixture.breakers().state(A.label()));
    }

    @Test
    void aClientThatGoesAwayIsNotHeldAgainstTheDeploymentAndHandsItsPermitBack() {
        fixture.provider("alpha").breaksAfter(unavailable(500), "a").breaksAfter(unavailable(500), "b")
                .breaksAfter(unavailable(500), "c").answers("one", "two");
        for (int i = 0; i < 3; i++) {
            assertThrows(StreamBrokenException.class, () -> stream(A));
        }
        fixture.clock.advance(Duration.ofSeconds(61));
        IllegalStateException gone = new IllegalStateException("client disconnected");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fixture.chain().stream(List.of(A), ASK, chunk -> {
                    throw gone;
                }));

        assertEquals(gone, e);
        assertEquals(BreakerState.HALF_OPEN, fixture.breakers().state(A.label()), "neither success nor failure");
        assertTrue(fixture.breakers().tryAcquire(A.label()).isPresent(), "the single trial permit was handed back");
    }
}
