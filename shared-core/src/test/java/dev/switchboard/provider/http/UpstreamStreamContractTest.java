package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The streaming half of the wire-format suite every HTTP adapter passes: a stream whole, cut, stalled,
 * refused, and kept to the request's deadline: where that ends streams, a stream still under way is cut
 * there whether it is quiet or keeps sending what makes no chunk; elsewhere its silences bound it.
 */
public abstract class UpstreamStreamContractTest extends UpstreamContractSupport {

    @Test
    void streamsTextDeltasThenOneLastChunk() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), streamPieces()));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);
        assertFalse(chunks.isEmpty());
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.isLast(), "the stream ends with its last chunk");
        assertEquals(1, chunks.stream().filter(StreamChunk::isLast).count(), "exactly one last chunk");
        assertNotNull(last.finishReason());
        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertAuthenticated(upstream.onlyRequest(), CANARY_KEY);
    }

    @Test
    void aStreamCutMidAnswerFailsAfterWhatCame() {
        List<String> pieces = streamPieces();
        CountDownLatch firstChunk = new CountDownLatch(1);
        upstream.enqueue(FakeUpstream.Reply.cutAfter(streamContentType(), pieces.subList(0, pieces.size() / 2),
                firstChunk));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunk -> {
            chunks.add(chunk);
            firstChunk.countDown();
        }));
        assertSafe(e);
        assertTrue(e.fallbackAllowed());
        assertFalse(chunks.isEmpty(), "what came before the cut is delivered");
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a cut stream must not end as if whole");
    }

    @Test
    void aStreamThatStallsMidAnswerTimesOut() {
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stall(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        ChatProvider impatient = provider(upstream.baseUri(), support(Duration.ofMillis(300)));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> impatient.stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a stalled stream must not end as if whole");
    }

    @Test
    void aStreamStartedCloseToTheDeadlineMayGoQuietAsLongAsACallMayTake() {
        // The deadline (200 ms away on the fixed clock) cuts the wait for the stream's start, not each
        // silence after it: two halves 400 ms apart must arrive whole.
        List<String> pieces = streamPieces();
        int half = pieces.size() / 2;
        List<byte[]> halves = List.of(String.join("", pieces.subList(0, half)).getBytes(StandardCharsets.UTF_8),
                String.join("", pieces.subList(half, pieces.size())).getBytes(StandardCharsets.UTF_8));
        upstream.enqueue(new FakeUpstream.Paced(streamContentType(), halves, Duration.ofMillis(400)));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(request().withDeadline(NOW.plusMillis(200)), chunks::add);

        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertTrue(chunks.get(chunks.size() - 1).isLast(), "the stream ended whole");
    }

    @Test
    void aStreamThatEndsCleanlyButEarlyFails() {
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a truncated stream must not end as if whole");
    }

    @Test
    void anEmptyStreamFailsWithoutChunks() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), List.of()));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aStreamRefusedBeforeItsFirstByteIsClassifiedLikeACall() {
        upstream.enqueue(error(429, upstreamText("slow down")).header("Retry-After", "2"));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void whereTheDeadlineEndsStreamsAStreamThatGoesQuietIsCutThere() {
        // Quiet after its first half: the silence limit (10 s) alone would hold it far past the deadline.
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stall(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        List<StreamChunk> chunks = new ArrayList<>();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().stream(endingStreamsIn(300), chunks::add));

        assertCutAtTheDeadline(e, started, 300);
        assertFalse(chunks.isEmpty(), "what came before the deadline is delivered");
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a stream cut at the deadline must not end as if whole");
    }

    @Test
    void whereTheDeadlineEndsStreamsAStreamSendingOnlyWhatMakesNoChunkIsCutThere() {
        // Its first half, then pieces that make no chunk 50 ms apart for 2 s: never a silence, never a chunk.
        List<String> pieces = streamPieces();
        List<byte[]> paced = new ArrayList<>();
        paced.add(String.join("", pieces.subList(0, pieces.size() / 2)).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 40; i++) {
            paced.add(noChunkPiece().getBytes(StandardCharsets.UTF_8));
        }
        upstream.enqueue(new FakeUpstream.Paced(streamContentType(), paced, Duration.ofMillis(50)));
        List<StreamChunk> chunks = new ArrayList<>();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().stream(endingStreamsIn(300), chunks::add));

        assertCutAtTheDeadline(e, started, 300);
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a stream cut at the deadline must not end as if whole");
    }

    @Test
    void whereTheDeadlineEndsStreamsAStreamWholeBeforeItIsUntouched() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), streamPieces()));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(endingStreamsIn(5_000), chunks::add);

        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertTrue(chunks.get(chunks.size() - 1).isLast(), "the stream ended whole");
    }

    @Test
    void whereTheDeadlineEndsStreamsAWholeAnswerWhoseBodyEndsOnlyAfterItIsWhole() {
        // Every event, the finish among them, then the connection held open: Gemini, which has no end marker,
        // has its body cut at the deadline; the answer had come whole before it.
        upstream.enqueue(FakeUpstream.Reply.stall(streamContentType(), streamPieces()));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(endingStreamsIn(300), chunks::add);

        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertTrue(chunks.get(chunks.size() - 1).isLast(), "the stream ended whole");
    }

    @Test
    void whereTheDeadlineDoesNotEndStreamsAQuietStreamIsBoundedByItsSilenceAsBefore() {
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stall(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        ChatProvider patient = provider(upstream.baseUri(), support(Duration.ofMillis(600)));
        List<StreamChunk> chunks = new ArrayList<>();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class,
                () -> patient.stream(request().withDeadline(NOW.plusMillis(200)), chunks::add));

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(PROVIDER + " did not answer in time", e.getMessage());
        assertTrue(tookMillis >= 600, "the silence limit, not the deadline, ended it: " + tookMillis + " ms");
    }

    /** The request, with a deadline {@code millis} away on the fixed clock that also ends its stream. */
    private ChatRequest endingStreamsIn(long millis) {
        return request().withDeadline(NOW.plusMillis(millis), true);
    }

    private static void assertCutAtTheDeadline(ProviderException e, long startedNanos, long deadlineMillis) {
        long tookMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(PROVIDER + " stream was still under way at the request's deadline", e.getMessage());
        assertTrue(tookMillis >= deadlineMillis, "not before the deadline: " + tookMillis + " ms");
        assertTrue(tookMillis < 5_000, "at the deadline, not at the silence limit (10 s): " + tookMillis + " ms");
    }
}
