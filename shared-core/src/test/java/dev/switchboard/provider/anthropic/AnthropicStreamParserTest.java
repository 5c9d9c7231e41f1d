package dev.switchboard.provider.anthropic;

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

/** Messages streams, from the wire fixtures through the SSE reader into unified chunks. */
class AnthropicStreamParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final ChatRequest REQUEST = new ChatRequest("claude-3-5-haiku-20241022",
            List.of(new ChatMessage("system", "Be concise."), ChatMessage.user("Why is the sky blue?")), 300);

    private final List<StreamChunk> sink = new ArrayList<>();
    private final List<StreamChunk> progress = new ArrayList<>();
    private final AnthropicStreamParser parser = new AnthropicStreamParser("claude", JSON, TOKENS, REQUEST,
            VisibleChunks.into(sink, progress));

    /** Runs a fixture through the SSE reader the way the adapter does: accept until false. */
    private boolean feed(String fixture) throws IOException {
        return SseReader.read(AnthropicFixtures.stream(fixture), parser::accept);
    }

    private static SseEvent event(String name, String data) {
        return new SseEvent(name, data);
    }

    @Test
    void textDeltasArriveInOrderThenOneLastChunkWithStopReasonAndUsage() throws IOException {
        assertTrue(feed("stream-text.sse"), "the parser stops the reader at message_stop");
        parser.end();

        assertEquals(List.of(StreamChunk.text("The sky"), StreamChunk.text(" looks blue"),
                StreamChunk.text(" because of"), StreamChunk.text(" Rayleigh scattering."),
                StreamChunk.last(FinishReason.STOP, new Usage(14, 6), List.of())), sink);
    }

    @Test
    void toolInputPiecesAreAssembledPerBlockAndCacheReadsAreCachedInput() throws IOException {
        assertTrue(feed("stream-tool-use.sse"));
        parser.end();

        assertEquals(List.of(StreamChunk.text("Checking Oslo."), StreamChunk.last(FinishReason.TOOL_CALLS,
                new Usage(159, 41, 0, 64), List.of(
                        new ToolCall("toolu_01WeatherOslo", "get_weather", "{\"city\": \"Oslo\", \"unit\": \"celsius\"}"),
                        new ToolCall("toolu_01TimeOslo", "get_local_time", "{\"timezone\": \"Europe/Oslo\"}"),
                        new ToolCall("toolu_01Clock", "get_utc_clock", "{}")))), sink);
    }

    @Test
    void theInputAsBilledThinkingToolInputAndPingsGoOnAsProgressOutOfTheCallersSight() {
        parser.accept(event("message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":"
                + "{\"input_tokens\":10,\"cache_read_input_tokens\":100,\"output_tokens\":1}}}"));
        parser.accept(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Hm.\"}}"));
        parser.accept(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\",\"input\":{}}}"));
        parser.accept(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":1}\"}}"));
        parser.accept(event("ping", "{\"type\":\"ping\"}"));

        assertEquals(List.of(StreamChunk.progress("", new Usage(110, 0, 0, 100)), StreamChunk.progress("Hm.", null),
                StreamChunk.progress("{\"a\":1}", null), StreamChunk.progress("", null)), progress);
        assertTrue(sink.isEmpty(), "nothing for the caller");
    }

    @Test
    void cacheWritesReportedInTheStreamCountAsInputAndAsTheCacheWritePart() throws IOException {
        assertTrue(feed("stream-cache-write.sse"));
        parser.end();

        // 12 uncached + 2048 written to the cache.
        assertEquals(List.of(StreamChunk.text("Section 4 sets"), StreamChunk.text(" the notice period."),
                StreamChunk.last(FinishReason.STOP, new Usage(2060, 8, 0, 0, 2048), List.of())), sink);
    }

    @Test
    void aStreamCutMidAnswerFailsAtTheEndAfterDeliveringWhatCame() throws IOException {
        assertFalse(feed("stream-cut.sse"), "the body ended before message_stop");

        ProviderException e = assertThrows(ProviderException.class, parser::end);

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals("claude", e.provider());
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
    void anErrorEventMidStreamFailsAtOnceNamingOnlyItsType() {
        List<SseEvent> events = AnthropicFixtures.events("stream-error-midway.sse");
        SseEvent error = events.get(events.size() - 1);
        assertEquals("error", error.event());

        for (SseEvent event : events.subList(0, events.size() - 1)) {
            assertTrue(parser.accept(event));
        }
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(error));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
        assertFalse(e.getMessage().contains("Overloaded"), "the upstream's message is not echoed: " + e.getMessage());
        assertEquals(List.of(StreamChunk.text("Let me think")), sink);
        assertThrows(ProviderException.class, parser::end, "a stream that failed never ends cleanly");
    }

    @Test
    void aRateLimitErrorEventIsARateLimitNotAnOutage() {
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")));

        assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind());
        assertFalse(e.breakerFailure(), "a rate limit is no sign the deployment is down");
        assertTrue(e.getMessage().contains("rate_limit_error"), e.getMessage());
    }

    @Test
    void anErrorEventDoesNotEchoATypeThatLooksLikeText() {
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"PROMPT-ECHO 7f3a said\",\"message\":\"PROMPT-ECHO-7f3a\"}}")));

        assertFalse(e.getMessage().contains("PROMPT-ECHO"), e.getMessage());
    }

    @Test
    void messageStopWithoutAStopReasonFails() {
        List<SseEvent> events = AnthropicFixtures.events("stream-stop-without-reason.sse");
        assertEquals("message_stop", events.get(events.size() - 1).event());

        for (SseEvent event : events.subList(0, events.size() - 1)) {
            assertTrue(parser.accept(event));
        }
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(events.get(events.size() - 1)));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of(StreamChunk.text("Partial"), StreamChunk.text(" answer")), sink);
        assertThrows(ProviderException.class, parser::end);
    }

    @Test
    void withoutAnyUsageTheStreamIsEstimatedFromItsText() {
        assertTrue(parser.accept(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"Water boils\"}}")));
        assertTrue(parser.accept(event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" at 100 degrees.\"}}")));
        assertTrue(parser.accept(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"}}")));
        assertFalse(parser.accept(event("message_stop", "{\"type\":\"message_stop\"}")));
        assertDoesNotThrow(parser::end);

        assertEquals(List.of(StreamChunk.text("Water boils"), StreamChunk.text(" at 100 degrees."),
                StreamChunk.last(FinishReason.LENGTH, UsageEstimate.of(TOKENS, REQUEST, "Water boils at 100 degrees."),
                        List.of())), sink);
    }

    @Test
    void withoutAnyUsageTheEstimateCountsTheStreamedToolCallsToo() {
        parser.accept(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}"));
        parser.accept(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \\\"Oslo\\\"}\"}}"));
        parser.accept(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}"));
        assertFalse(parser.accept(event("message_stop", "{\"type\":\"message_stop\"}")));
        parser.end();

        List<ToolCall> calls = List.of(new ToolCall("toolu_1", "get_weather", "{\"city\": \"Oslo\"}"));
        assertEquals(List.of(StreamChunk.last(FinishReason.TOOL_CALLS, UsageEstimate.of(TOKENS, REQUEST, "", calls),
                calls)), sink);
        assertTrue(sink.get(0).usage().outputTokens() > UsageEstimate.of(TOKENS, REQUEST, "").outputTokens());
    }

    @Test
    void laterRunningTotalsReplaceEarlierOnesAndMessageStartsOutputPlaceholderIsNotTaken() {
        parser.accept(event("message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":"
                + "{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}"));
        parser.accept(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":30}}"));
        parser.accept(event("message_stop", "{\"type\":\"message_stop\"}"));

        assertEquals(List.of(StreamChunk.last(FinishReason.STOP, new Usage(17, 30, 0, 5), List.of())), sink);
    }

    @Test
    void pingsAndUnknownEventsAreSkippedAndNothingIsAcceptedAfterMessageStop() {
        assertTrue(parser.accept(event("ping", "{\"type\": \"ping\"}")));
        assertTrue(parser.accept(event("some_future_event", "{\"type\":\"some_future_event\",\"x\":1}")));
        parser.accept(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":0}}"));
        assertFalse(parser.accept(event("message_stop", "{\"type\":\"message_stop\"}")));
        assertFalse(parser.accept(event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"late\"}}")));

        assertEquals(1, sink.size());
        assertTrue(sink.get(0).isLast());
    }

    @Test
    void toolInputForABlockThatIsNotAToolCallFails() {
        ProviderException e = assertThrows(ProviderException.class, () -> parser.accept(event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}")));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void dataThatIsNotAJsonObjectFailsWithoutEchoingIt() {
        for (String bad : List.of("{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"PROMPT-ECHO-7f3a",
                "PROMPT-ECHO-7f3a", "[\"PROMPT-ECHO-7f3a\"]", "")) {
            AnthropicStreamParser fresh = new AnthropicStreamParser("claude", JSON, TOKENS, REQUEST, VisibleChunks.into(sink, progress));

            ProviderException e = assertThrows(ProviderException.class,
                    () -> fresh.accept(event("content_block_delta", bad)), bad);

            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertFalse(e.getMessage().contains("PROMPT-ECHO-7f3a"), e.getMessage());
        }
        assertEquals(List.of(), sink);
    }
}
