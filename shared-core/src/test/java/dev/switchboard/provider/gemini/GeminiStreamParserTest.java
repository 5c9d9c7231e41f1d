package dev.switchboard.provider.gemini;

import dev.switchboard.testsupport.VisibleChunks;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.provider.sse.SseReader;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** streamGenerateContent?alt=sse streams, from the wire fixtures through the SSE reader into unified chunks. */
class GeminiStreamParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final ChatRequest REQUEST = new ChatRequest("gemini-2.0-flash",
            List.of(new ChatMessage("system", "Be concise."), ChatMessage.user("Why is the sky blue?")), 300);

    private final List<StreamChunk> sink = new ArrayList<>();
    private final List<StreamChunk> progress = new ArrayList<>();
    private final GeminiStreamParser parser = new GeminiStreamParser("gemini-main", JSON, TOKENS, REQUEST,
            VisibleChunks.into(sink, progress));

    /** Runs a fixture through the SSE reader the way the adapter does: every event, then end(). */
    private void feed(String fixture) throws IOException {
        assertFalse(SseReader.read(GeminiFixtures.stream(fixture), parser::accept), "only the body's end ends a Gemini stream");
    }

    @Test
    void textDeltasArriveInOrderThenOneLastChunkWithTheFinishAndTheLastUsage() throws IOException {
        feed("stream-text.sse");
        assertEquals(4, sink.size(), "no last chunk before the body ended");
        parser.end();

        assertEquals(List.of(StreamChunk.text("The sky"), StreamChunk.text(" looks blue"),
                StreamChunk.text(" because of"), StreamChunk.text(" Rayleigh scattering."),
                StreamChunk.last(FinishReason.STOP, new Usage(12, 9), List.of())), sink);
    }

    @Test
    void functionCallsArriveWholeAndGoInTheLastChunkWithThoughtsAsReasoning() throws IOException {
        feed("stream-function-calls.sse");
        parser.end();

        assertEquals(List.of(StreamChunk.text("Let me check."), StreamChunk.last(FinishReason.TOOL_CALLS,
                new Usage(96, 55, 20, 0), List.of(
                        new ToolCall("gemini_cfe8d67da390da8d_0", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("gemini_cfe8d67da390da8d_1", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}")))),
                sink);
        // Gemini's running counts go on as progress: a stream cut after them is billed for them, thoughts included.
        assertEquals(List.of(StreamChunk.progress("", new Usage(96, 0)), StreamChunk.progress("", new Usage(96, 55, 20, 0))),
                progress);
    }

    @Test
    void callsInSeparateEventsAreNumberedAcrossTheStream() {
        parser.accept(data("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{}}}]}}]}"));
        parser.accept(data("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{\"a\":1}}}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":4}}"));
        parser.end();

        List<ToolCall> calls = sink.get(0).toolCalls();
        assertEquals(2, calls.size());
        // No responseId came: the key is random, but one for the whole stream.
        String key = calls.get(0).id().substring(0, calls.get(0).id().length() - 1);
        assertTrue(key.matches("gemini_[0-9a-f]{16}_"), key);
        assertEquals(List.of(new ToolCall(key + "0", "f", "{}"), new ToolCall(key + "1", "f", "{\"a\":1}")), calls);
    }

    @Test
    void aStreamedCallKeepsTheThoughtSignatureOfItsPart() {
        parser.accept(data("{\"responseId\":\"r1\",\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":"
                + "{\"name\":\"f\",\"args\":{}},\"thoughtSignature\":\"CiQBsig==\"},{\"functionCall\":{\"name\":\"g\"}}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":4}}"));
        parser.end();

        List<ToolCall> calls = sink.get(0).toolCalls();
        assertEquals("CiQBsig==", calls.get(0).signature());
        assertEquals(null, calls.get(1).signature(), "Gemini signs only the first of parallel calls");
    }

    @Test
    void aStreamWithoutUsageIsEstimatedFromTheStreamedText() throws IOException {
        feed("stream-no-usage.sse");
        parser.end();

        assertEquals(StreamChunk.last(FinishReason.STOP, UsageEstimate.of(TOKENS, REQUEST, "Water boils at 100 degrees."),
                List.of()), sink.get(2));
        assertTrue(sink.get(2).usage().outputTokens() > 0);
    }

    @Test
    void aStreamCutBeforeAFinishReasonFailsAtTheEndAfterDeliveringWhatCame() throws IOException {
        feed("stream-cut.sse");

        ProviderException e = assertThrows(ProviderException.class, parser::end);

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of(StreamChunk.text("The sky"), StreamChunk.text(" looks blue")), sink);
    }

    @Test
    void anEmptyStreamFailsWithoutChunks() throws IOException {
        feed("stream-empty.sse");

        assertEquals(ProviderException.Kind.UNAVAILABLE, assertThrows(ProviderException.class, parser::end).kind());
        assertTrue(sink.isEmpty());
    }

    @Test
    void anErrorEventFailsWithoutEchoingIt() {
        List<SseEvent> events = new ArrayList<>();
        try {
            SseReader.read(GeminiFixtures.stream("stream-error-midway.sse"), events::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        parser.accept(events.get(0));

        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(events.get(1)));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertFalse(e.getMessage().contains("internal error has occurred"), e.getMessage());
        assertEquals(List.of(StreamChunk.text("The sky")), sink);
    }

    @Test
    void aQuotaErrorMidStreamIsARateLimitNotAnOutage() {
        for (String error : new String[] {"{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}",
                "{\"code\":429,\"message\":\"quota\"}"}) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> parser.accept(data("{\"error\":" + error + "}")));

            assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind(), error);
            assertFalse(e.breakerFailure());
        }
    }

    @Test
    void anEventThatIsNotJsonFailsWithoutEchoingIt() {
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(data("secret prompt {")));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertFalse(e.getMessage().contains("secret prompt"), e.getMessage());
    }

    @Test
    void aBlockedPromptEndsAsAnEmptyContentFilterAnswer() throws IOException {
        feed("stream-prompt-blocked.sse");
        parser.end();

        assertEquals(List.of(StreamChunk.last(FinishReason.CONTENT_FILTER, new Usage(9, 0), List.of())), sink);
    }

    @Test
    void aFinishReasonOnAnEventWithoutTextStillFinishesTheStream() {
        parser.accept(data("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}]}"));
        parser.accept(data("{\"candidates\":[{\"finishReason\":\"MAX_TOKENS\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}"));
        parser.end();

        assertEquals(List.of(StreamChunk.text("Hi"), StreamChunk.last(FinishReason.LENGTH, new Usage(4, 1), List.of())), sink);
    }

    private static SseEvent data(String data) {
        return new SseEvent("message", data);
    }
}
