package dev.switchboard.provider;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider-neutral records every adapter maps to and from. */
class UnifiedModelTest {

    private static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}");

    @Test
    void usageCountsReasoningAndCachedTokensAsPartsOfTheTotals() {
        Usage usage = new Usage(100, 40, 30, 60);

        assertEquals(30, usage.reasoningTokens());
        assertEquals(new Usage(100, 40, 0, 0), new Usage(100, 40));
        assertThrows(IllegalArgumentException.class, () -> new Usage(100, 40, 41, 0));
        assertThrows(IllegalArgumentException.class, () -> new Usage(100, 40, 0, 101));
        assertThrows(IllegalArgumentException.class, () -> new Usage(-1, 0));
    }

    @Test
    void cacheWritesArePartOfTheInputBesideCacheReads() {
        Usage usage = new Usage(2021, 9, 0, 1700, 300);

        assertEquals(300, usage.cacheWriteInputTokens());
        assertEquals(new Usage(100, 40, 30, 60, 0), new Usage(100, 40, 30, 60));
        assertEquals(new Usage(100, 40, 0, 60, 40), new Usage(100, 40, 0, 60, 40), "reads and writes may fill the input");
        assertThrows(IllegalArgumentException.class, () -> new Usage(100, 40, 0, 60, 41));
        assertThrows(IllegalArgumentException.class, () -> new Usage(100, 40, 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new Usage(10, 0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void onlyAssistantTurnsCarryToolCallsAndOnlyToolTurnsAnswerOne() {
        assertEquals(List.of(CALL), new ChatMessage("assistant", "", List.of(CALL), null).toolCalls());
        assertEquals("call_1", new ChatMessage("tool", "{\"temp\":3}", List.of(), "call_1").toolCallId());

        assertThrows(IllegalArgumentException.class, () -> new ChatMessage("user", "", List.of(CALL), null));
        assertThrows(IllegalArgumentException.class, () -> new ChatMessage("tool", "3 degrees"));
        assertThrows(IllegalArgumentException.class, () -> new ChatMessage("user", "hi", List.of(), "call_1"));
        assertThrows(IllegalArgumentException.class, () -> new ChatMessage("developer", "hi"));
    }

    @Test
    void aRequestNeedsAMessageAPositiveBudgetAndATemperatureInRange() {
        List<ChatMessage> hi = List.of(ChatMessage.user("hi"));

        assertEquals(List.of(), new ChatRequest("m", hi, 10).tools());
        assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", hi, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", hi, 10, 2.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", hi, 10, Double.NaN, List.of()));
    }

    @Test
    void aStreamIsEndedAtTheDeadlineOnlyWhereTheRequestSaysSo() {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 10);
        Instant at = Instant.parse("2026-11-22T12:00:27Z");

        assertEquals(at, request.withDeadline(at, true).streamEnd());
        assertNull(request.withDeadline(at).streamEnd());
        assertNull(request.withDeadline(at, true).withDeadline(at).streamEnd(), "a new deadline says it anew");
        assertNull(request.streamEnd());
        assertThrows(IllegalArgumentException.class, () -> request.withDeadline(null, true));
    }

    @Test
    void aProviderThatCannotStreamAnswersInOneChunkThenALastOneWithUsage() {
        ChatResponse answer = new ChatResponse("Hello there", "m", new Usage(3, 2), FinishReason.STOP);
        ChatProvider oneShot = new ChatProvider() {
            @Override
            public String name() {
                return "one-shot";
            }

            @Override
            public String protocol() {
                return "test";
            }

            @Override
            public ChatResponse complete(ChatRequest request) {
                return answer;
            }
        };
        List<StreamChunk> chunks = new ArrayList<>();

        oneShot.stream(new ChatRequest("m", List.of(ChatMessage.user("hi")), 10), chunks::add);

        assertEquals(List.of(StreamChunk.text("Hello there"), StreamChunk.last(FinishReason.STOP, new Usage(3, 2),
                List.of())), chunks);
        assertFalse(chunks.get(0).isLast());
        assertTrue(chunks.get(1).isLast());
    }

    @Test
    void finishReasonsUseOpenAisWords() {
        assertEquals("tool_calls", FinishReason.TOOL_CALLS.wireName());
        assertEquals("content_filter", FinishReason.CONTENT_FILTER.wireName());
    }
}
