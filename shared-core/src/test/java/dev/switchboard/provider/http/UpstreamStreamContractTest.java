package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatProvider;
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
 * refused, and kept to the request's deadline.
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
}
