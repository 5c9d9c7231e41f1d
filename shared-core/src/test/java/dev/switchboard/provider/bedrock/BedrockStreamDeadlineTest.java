package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testsupport.VisibleChunks;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.http.FakeUpstream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ConverseStream where the request's deadline ends streams: a stream still under way is ended there
 * whether its events stop or keep coming without text; one whole before it is untouched. Its silences
 * alone (the call and connect timeouts, 12 s here) would hold it far longer.
 */
class BedrockStreamDeadlineTest extends BedrockWireSupport {

    // Long enough that a loaded machine still gets the first events before it; far below the 12 s silence limit.
    private static final long DEADLINE_MILLIS = 1_000;

    /** The request, its deadline 1 s away on the fixed clock, ending its stream there. */
    private static ChatRequest endingItsStream() {
        return request().withDeadline(NOW.plusMillis(DEADLINE_MILLIS), true);
    }

    @Test
    void aStreamThatGoesQuietIsEndedAtTheDeadline() {
        // messageStart and the first delta, then silence with the connection open.
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events").subList(0, 2);
        upstream.enqueue(new FakeUpstream.Streamed(EventStreamFrames.CONTENT_TYPE, frames, false, new CountDownLatch(1)));
        List<StreamChunk> chunks = new ArrayList<>();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(endingItsStream(), VisibleChunks.into(chunks)));

        assertEndedAtTheDeadline(e, started);
        assertEquals(List.of(StreamChunk.text("Hello")), chunks);
    }

    @Test
    void aStreamThatSendsNoEventByTheDeadlineHadNotBegunToAnswer() {
        // The response opens, then no event at all with the connection held open: as a deployment that hangs.
        upstream.enqueue(new FakeUpstream.Streamed(EventStreamFrames.CONTENT_TYPE, List.of(), false, new CountDownLatch(1)));
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(endingItsStream(), c -> { }));

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertFalse(e.underWay(), "nothing had come: a hang, which its breaker may count: " + e.getMessage());
        assertTrue(tookMillis >= DEADLINE_MILLIS && tookMillis < 5_000, tookMillis + " ms");
    }

    @Test
    void aStreamThatKeepsSendingOnlyToolInputIsEndedAtTheDeadline() {
        // Its text and the tool call's start at once, then a piece of the tool's input every 100 ms for 2 s.
        List<byte[]> frames = BedrockFixtures.frames("stream-tool-use.events");
        List<byte[]> pieces = new ArrayList<>();
        pieces.add(joined(frames.subList(0, 4)));
        for (int i = 0; i < 20; i++) {
            pieces.add(frames.get(4));
        }
        upstream.enqueue(new FakeUpstream.Paced(EventStreamFrames.CONTENT_TYPE, pieces, Duration.ofMillis(100)));
        List<StreamChunk> chunks = new ArrayList<>();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(endingItsStream(), VisibleChunks.into(chunks)));

        assertEndedAtTheDeadline(e, started);
        assertEquals(List.of(StreamChunk.text("Checking.")), chunks, "no tool call without the stream's end");
    }

    @Test
    void aStreamWholeBeforeTheDeadlineIsUntouched() {
        upstream.enqueue(eventStream("stream-text.events"));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(request().withDeadline(NOW.plusSeconds(5), true), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
    }

    @Test
    void anAnswerWholeBeforeTheDeadlineWhoseStreamEndsOnlyAfterItIsWhole() {
        // Every event, messageStop and metadata among them, then the connection held open past the deadline.
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events");
        upstream.enqueue(new FakeUpstream.Streamed(EventStreamFrames.CONTENT_TYPE, frames, false, new CountDownLatch(1)));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(endingItsStream(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
    }

    private static void assertEndedAtTheDeadline(ProviderException e, long startedNanos) {
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(PROVIDER + " stream was still under way at the request's deadline", e.getMessage());
        assertTrue(e.underWay());
        assertTrue(tookMillis >= DEADLINE_MILLIS, "not before the deadline: " + tookMillis + " ms");
        assertTrue(tookMillis < 5_000, "at the deadline, not at the idle limit (12 s): " + tookMillis + " ms");
    }

    private static byte[] joined(List<byte[]> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        frames.forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }
}
