package dev.switchboard.provider.anthropic;

import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.cost.PriceTableLoader;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages response bodies in the unified model. */
class AnthropicResponseParserTest {

    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final AnthropicResponseParser PARSER =
            new AnthropicResponseParser("claude", JsonMapper.createDefault(), TOKENS);
    private static final ChatRequest REQUEST = new ChatRequest("claude-3-5-haiku-20241022",
            List.of(new ChatMessage("system", "Answer in one sentence."), ChatMessage.user("What is the capital of France?")),
            200);

    /** A marker that would appear in an exception message if the parser echoed the body. */
    private static final String SECRET = "PROMPT-ECHO-7f3a";

    private static ChatResponse parse(String body) {
        return PARSER.parse(body.getBytes(StandardCharsets.UTF_8), REQUEST);
    }

    @Test
    void textBlocksAreJoinedAndCacheTokensCountAsInputWithReadsAndWritesAsTheirParts() {
        ChatResponse response = PARSER.parse(AnthropicFixtures.bytes("message-text.json"), REQUEST);

        // 21 uncached + 300 written to the cache + 1700 read from it.
        assertEquals(new ChatResponse("Paris is the capital of France.", "claude-3-5-haiku-20241022",
                new Usage(2021, 9, 0, 1700, 300), FinishReason.STOP, List.of()), response);
    }

    @Test
    void aCacheWriteIsPricedAtTheCacheWritePriceNotAsPlainInput() {
        Usage usage = PARSER.parse(AnthropicFixtures.bytes("message-text.json"), REQUEST).usage();
        CostCalculator costs = new CostCalculator(
                new PriceTableLoader(JsonMapper.createDefault()).load(PriceTableLoader.BUILT_IN), "gpt-4o");

        // Haiku 3.5: 21 * $0.80/M + 300 written * $1/M + 1700 read * $0.08/M + 9 out * $4/M
        assertEquals(21 * 8e-07 + 300 * 1e-06 + 1700 * 8e-08 + 9 * 4e-06,
                costs.cost("claude-3-5-haiku-20241022", usage).usd(), 1e-12);
    }

    @Test
    void toolUseBlocksBecomeToolCallsWithTheirInputAsJsonText() {
        ChatResponse response = PARSER.parse(AnthropicFixtures.bytes("message-tool-use.json"), REQUEST);

        assertEquals("I'll look up the weather and the time in Oslo.", response.text());
        assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
        assertEquals(List.of(new ToolCall("toolu_01WeatherOslo", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"),
                new ToolCall("toolu_01TimeOslo", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}")), response.toolCalls());
        assertEquals(new Usage(412, 96), response.usage());
        assertEquals("claude-3-5-sonnet-20241022", response.model());
    }

    @Test
    void anAnswerCutByMaxTokensFinishesWithLengthAndUsageWithoutCacheFields() {
        ChatResponse response = PARSER.parse(AnthropicFixtures.bytes("message-max-tokens.json"), REQUEST);

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals("The three primary colours of light are red, green and", response.text());
        assertEquals(new Usage(18, 12, 0, 0), response.usage());
    }

    @Test
    void thinkingBlocksAreSkippedAndMissingUsageIsEstimatedNotCostedAtZero() {
        ChatResponse response = PARSER.parse(AnthropicFixtures.bytes("message-thinking-no-usage.json"), REQUEST);

        String answer = "Water boils at 100 degrees Celsius at sea level.";
        assertEquals(answer, response.text());
        assertEquals(UsageEstimate.of(TOKENS, REQUEST, answer), response.usage());
        assertTrue(response.usage().inputTokens() > 0 && response.usage().outputTokens() > 0);
    }

    @Test
    void anEstimateCountsTheToolCallsTheModelWrote() {
        ChatResponse response = parse("""
                {"type":"message","role":"assistant","model":"m","stop_reason":"tool_use","content":[
                  {"type":"text","text":"Checking."},
                  {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo","unit":"celsius"}}]}""");

        List<ToolCall> calls = List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"));
        assertEquals(calls, response.toolCalls());
        assertEquals(UsageEstimate.of(TOKENS, REQUEST, "Checking.", calls), response.usage());
        assertTrue(response.usage().outputTokens() > UsageEstimate.of(TOKENS, REQUEST, "Checking.").outputTokens());
    }

    @ParameterizedTest
    @CsvSource({"end_turn, STOP", "stop_sequence, STOP", "max_tokens, LENGTH", "model_context_window_exceeded, LENGTH",
            "tool_use, TOOL_CALLS", "refusal, CONTENT_FILTER", "pause_turn, OTHER", "something_new, OTHER"})
    void eachStopReasonMapsToItsFinishReason(String stopReason, FinishReason expected) {
        ChatResponse response = parse("""
                {"type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"x"}],
                 "stop_reason":"%s","usage":{"input_tokens":3,"output_tokens":1}}""".formatted(stopReason));

        assertEquals(expected, response.finishReason());
    }

    @Test
    void aNullStopReasonIsOtherAndAMissingModelIsTheRequestedOne() {
        ChatResponse response = parse("""
                {"content":[],"stop_reason":null,"usage":{"input_tokens":3,"output_tokens":0}}""");

        assertEquals(FinishReason.OTHER, response.finishReason());
        assertEquals("", response.text());
        assertEquals("claude-3-5-haiku-20241022", response.model());
    }

    @Test
    void aToolUseWithoutInputHasEmptyObjectArguments() {
        ChatResponse response = parse("""
                {"content":[{"type":"tool_use","id":"toolu_1","name":"now"}],"stop_reason":"tool_use",
                 "usage":{"input_tokens":3,"output_tokens":1}}""");

        assertEquals(List.of(new ToolCall("toolu_1", "now", "{}")), response.toolCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"content\":[{\"type\":\"text\",\"text\":\"" + SECRET,
            SECRET,
            "[\"" + SECRET + "\"]",
            "{\"id\":\"" + SECRET + "\"}",
            "{\"content\":\"" + SECRET + "\"}",
            "{\"content\":[{\"type\":\"text\",\"text\":7}],\"note\":\"" + SECRET + "\"}",
            "{\"content\":[{\"type\":\"tool_use\",\"name\":\"" + SECRET + "\"}]}",
            "{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":\"" + SECRET + "\"}]}",
            ""})
    void aMalformedBodyIsUnavailableWithoutEchoingIt(String body) {
        ProviderException e = assertThrows(ProviderException.class, () -> parse(body));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals("claude", e.provider());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }
}
