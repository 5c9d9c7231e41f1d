package dev.switchboard.provider.openai;

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

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat Completions streams, from the wire fixtures through the SSE reader into unified chunks. */
class OpenAiStreamParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final ChatRequest REQUEST = new ChatRequest("gpt-4o-mini",
            List.of(new ChatMessage("system", "Be concise."), ChatMessage.user("Why is the sky blue?")), 300);

    private final List<StreamChunk> sink = new ArrayList<>();
    private final List<StreamChunk> progress = new ArrayList<>();
    private final OpenAiStreamParser parser = new OpenAiStreamParser("openai-main", JSON, TOKENS, REQUEST,
            VisibleChunks.into(sink, progress));

    /** Runs a fixture through the SSE reader the way the transport will: accept until false, then end(). */
    private boolean feed(String fixture) throws IOException {
        return SseReader.read(OpenAiFixtures.stream(fixture), parser::accept);
    }

    private static SseEvent data(String data) {
        return new SseEvent("message", data);
    }

    @Test
    void textDeltasArriveInOrderThenOneLastChunkWithFinishAndReportedUsage() throws IOException {
        assertTrue(feed("stream-text.sse"), "the parser stops the reader at [DONE]");
        parser.end();

        assertEquals(List.of(StreamChunk.text("The sky"), StreamChunk.text(" looks blue"),
                StreamChunk.text(" because of"), StreamChunk.text(" Rayleigh scattering."),
                StreamChunk.last(FinishReason.STOP, new Usage(14, 6), List.of())), sink);
    }

    @Test
    void refusalDeltasArriveAsTextAndTheStreamFinishesAsAContentFilterStop() throws IOException {
        assertTrue(feed("stream-refusal.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.text("I'm sorry,"), StreamChunk.text(" I can't help with that."),
                StreamChunk.last(FinishReason.CONTENT_FILTER, new Usage(85, 9), List.of())), sink);
    }

    @Test
    void toolCallFragmentsAreAssembledByIndexIntoTheLastChunk() throws IOException {
        assertTrue(feed("stream-tool-calls.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.last(FinishReason.TOOL_CALLS, new Usage(95, 41, 0, 64), List.of(
                new ToolCall("call_weather_oslo", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"),
                new ToolCall("call_time_oslo", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}")))), sink);
        // Each fragment goes on as progress as it is written: billed if the stream is cut before its end.
        assertEquals("{\"city\":\"Oslo\",\"unit\":\"celsius\"}{\"timezone\":\"Europe/Oslo\"}",
                progress.stream().map(StreamChunk::hiddenDelta).collect(java.util.stream.Collectors.joining()));
    }

    @Test
    void callsAtOneIndexWithDifferentIdsAreTwoCallsNotOne() throws IOException {
        assertTrue(feed("stream-tool-calls-same-index.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.last(FinishReason.TOOL_CALLS, new Usage(212, 48), List.of(
                new ToolCall("call_a1b2c3", "file_write", "{\"filePath\":\"hello.py\"}"),
                new ToolCall("call_d4e5f6", "file_write", "{\"filePath\":\"world.py\"}")))), sink);
    }

    @Test
    void callsWithoutAnIndexAreTakenByIdAndAStopWithCallsIsAToolCallsFinish() throws IOException {
        assertTrue(feed("stream-tool-calls-no-index.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.last(FinishReason.TOOL_CALLS, new Usage(40, 16), List.of(
                new ToolCall("function-call-1111", "get_weather", "{\"city\":\"Oslo\"}"),
                new ToolCall("function-call-2222", "get_weather", "{\"city\":\"Bergen\"}")))), sink);
    }

    @Test
    void withoutAnIndexAFragmentsPlaceInItsDeltaSaysWhichCallItContinues() {
        parser.accept(data("{\"choices\":[{\"delta\":{\"tool_calls\":["
                + "{\"id\":\"a\",\"function\":{\"name\":\"first\",\"arguments\":\"{\\\"n\\\":\"}},"
                + "{\"id\":\"b\",\"function\":{\"name\":\"second\",\"arguments\":\"{\\\"n\\\":\"}}]}}]}"));
        parser.accept(data("{\"choices\":[{\"delta\":{\"tool_calls\":["
                + "{\"function\":{\"arguments\":\"1}\"}},{\"function\":{\"arguments\":\"2}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}"));
        parser.accept(data("[DONE]"));

        assertEquals(List.of(new ToolCall("a", "first", "{\"n\":1}"), new ToolCall("b", "second", "{\"n\":2}")),
                sink.get(0).toolCalls());
    }

    @Test
    void fragmentsThatRepeatTheirCallsIdStayOneCall() {
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\","
                + "\"function\":{\"name\":\"now\",\"arguments\":\"{\\\"tz\\\":\"}}]}}]}"));
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\","
                + "\"function\":{\"arguments\":\"\\\"UTC\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}"));
        parser.accept(data("[DONE]"));

        assertEquals(List.of(new ToolCall("c1", "now", "{\"tz\":\"UTC\"}")), sink.get(0).toolCalls());
    }

    @Test
    void reasoningThatACompatibleServerStreamsIsProgressNotText() {
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Weigh it.\"}}]}"));
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Yes.\"}}]}"));

        assertEquals(List.of(StreamChunk.progress("Weigh it.", null)), progress);
        assertEquals(List.of(StreamChunk.text("Yes.")), sink);
    }

    @Test
    void aStreamWithoutUsageIsEstimatedFromTheStreamedText() throws IOException {
        assertTrue(feed("stream-no-usage.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.text("Water boils"), StreamChunk.text(" at 100 degrees."),
                StreamChunk.last(FinishReason.STOP, UsageEstimate.of(TOKENS, REQUEST, "Water boils at 100 degrees."),
                        List.of())), sink);
        assertTrue(sink.get(2).usage().outputTokens() > 0);
    }

    @Test
    void aStreamCutMidAnswerFailsAtTheEndAfterDeliveringWhatCame() throws IOException {
        assertFalse(feed("stream-cut.sse"), "the body ended before [DONE]");

        ProviderException e = assertThrows(ProviderException.class, parser::end);

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals("openai-main", e.provider());
        assertEquals(List.of(StreamChunk.text("Once upon"), StreamChunk.text(" a time")), sink,
                "the text already streamed was handed on, and no last chunk pretends the answer is whole");
    }

    @Test
    void anEmptyStreamFailsAtTheEndWithNothingDelivered() throws IOException {
        assertFalse(feed("stream-empty.sse"));

        assertEquals(ProviderException.Kind.UNAVAILABLE, assertThrows(ProviderException.class, parser::end).kind());
        assertEquals(List.of(), sink);
    }

    @Test
    void doneWithoutAFinishReasonFails() {
        List<SseEvent> events = OpenAiFixtures.events("stream-done-without-finish.sse");
        assertEquals("[DONE]", events.get(events.size() - 1).data());

        for (SseEvent event : events.subList(0, events.size() - 1)) {
            assertTrue(parser.accept(event));
        }
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(events.get(events.size() - 1)));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of(StreamChunk.text("Partial"), StreamChunk.text(" answer")), sink);
        assertThrows(ProviderException.class, parser::end, "a stream that failed never ends cleanly");
    }

    @Test
    void anErrorObjectMidStreamFailsWithoutEchoingItsMessage() {
        List<SseEvent> events = OpenAiFixtures.events("stream-error-midway.sse");

        assertTrue(parser.accept(events.get(0)));
        assertTrue(parser.accept(events.get(1)));
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(events.get(2)));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertFalse(e.getMessage().contains("server had an error"), e.getMessage());
        assertEquals(List.of(StreamChunk.text("Let me think")), sink);
        assertThrows(ProviderException.class, parser::end);
    }

    @Test
    void aRateLimitErrorMidStreamIsARateLimitNotAnOutage() {
        for (String error : new String[] {"{\"code\":\"rate_limit_exceeded\",\"message\":\"slow\"}",
                "{\"type\":\"rate_limit_error\",\"message\":\"slow\"}"}) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> parser.accept(data("{\"error\":" + error + "}")));

            assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind(), error);
            assertFalse(e.breakerFailure());
        }
    }

    @Test
    void dataThatIsNotAJsonObjectFailsWithoutEchoingIt() {
        for (String bad : List.of("{\"choices\":[{\"delta\":{\"content\":\"PROMPT-ECHO-7f3a",
                "PROMPT-ECHO-7f3a", "[\"PROMPT-ECHO-7f3a\"]", "\"PROMPT-ECHO-7f3a\"", "")) {
            OpenAiStreamParser fresh = new OpenAiStreamParser("openai-main", JSON, TOKENS, REQUEST, VisibleChunks.into(sink, progress));

            ProviderException e = assertThrows(ProviderException.class, () -> fresh.accept(data(bad)), bad);

            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertFalse(e.getMessage().contains("PROMPT-ECHO-7f3a"), e.getMessage());
        }
        assertEquals(List.of(), sink);
    }

    @Test
    void aFinishReasonOnTheLastContentChunkAndAUsageChunkWithNullChoicesAreUnderstood() {
        // Some compatible servers (vLLM among them) put the finish reason on the last delta and send
        // the usage chunk with "choices": null.
        assertTrue(parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Done\"},"
                + "\"finish_reason\":\"length\"}]}")));
        assertTrue(parser.accept(data("{\"choices\":null,\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}")));
        assertFalse(parser.accept(data("[DONE]")));
        assertDoesNotThrow(parser::end);

        assertEquals(List.of(StreamChunk.text("Done"), StreamChunk.last(FinishReason.LENGTH, new Usage(9, 1), List.of())),
                sink);
    }

    @Test
    void aStreamedToolCallWithoutArgumentsHasAnEmptyObjectForThem() {
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}"));
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
        parser.accept(data("[DONE]"));

        assertEquals(List.of(new ToolCall("c1", "now", "{}")), sink.get(0).toolCalls());
    }

    @Test
    void aStreamedToolCallWithoutAnIdOrNameFailsAtDone() {
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}"));
        parser.accept(data("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));

        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(data("[DONE]")));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of(), sink);
        assertThrows(ProviderException.class, parser::end);
    }

    @Test
    void aFinishedStreamCutBeforeDoneIsStillCut() {
        // finish chunk and usage arrived, but the body ended before [DONE]: the last chunk was never handed on
        for (SseEvent event : OpenAiFixtures.events("stream-text.sse")) {
            if (!event.data().equals("[DONE]")) {
                parser.accept(event);
            }
        }

        assertThrows(ProviderException.class, parser::end);
        assertEquals(4, sink.size());
        assertTrue(sink.stream().noneMatch(StreamChunk::isLast));
    }
}
