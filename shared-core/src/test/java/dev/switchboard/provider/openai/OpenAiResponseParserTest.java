package dev.switchboard.provider.openai;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat Completions response bodies in the unified model. */
class OpenAiResponseParserTest {

    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final OpenAiResponseParser PARSER =
            new OpenAiResponseParser("openai-main", JsonMapper.createDefault(), TOKENS);
    private static final ChatRequest REQUEST = new ChatRequest("gpt-4o-mini",
            List.of(new ChatMessage("system", "Answer in one sentence."), ChatMessage.user("What is the capital of France?")),
            200);

    /** A marker that would appear in an exception message if the parser echoed the body. */
    private static final String SECRET = "PROMPT-ECHO-7f3a";

    @Test
    void aPlainAnswerMapsTextModelFinishAndDetailedUsage() {
        ChatResponse response = PARSER.parse(OpenAiFixtures.bytes("completion-text.json"), REQUEST);

        assertEquals(new ChatResponse("Paris is the capital of France.", "gpt-4o-mini-2024-07-18",
                new Usage(2048, 120, 64, 1536), FinishReason.STOP, List.of()), response);
    }

    @Test
    void aRefusalIsTheAnswersTextAndAContentFilterStopNotAnEmptyAnswerThatFinished() {
        ChatResponse response = PARSER.parse(OpenAiFixtures.bytes("completion-refusal.json"), REQUEST);

        assertEquals(new ChatResponse("I'm sorry, I can't help with that request.", "gpt-4o-2024-08-06",
                new Usage(85, 11), FinishReason.CONTENT_FILTER, List.of()), response);
    }

    @Test
    void aRefusalThatIsNotTextIsAMalformedAnswer() {
        ProviderException e = assertThrows(ProviderException.class, () -> PARSER.parse(("{\"choices\":[{\"message\":"
                + "{\"content\":null,\"refusal\":{\"text\":\"no\"}},\"finish_reason\":\"stop\"}]}").getBytes(
                StandardCharsets.UTF_8), REQUEST));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void aToolCallWithBlankOrNoArgumentsHasAnEmptyObjectForThem() {
        ChatResponse response = PARSER.parse(("{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":["
                + "{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}},"
                + "{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"now\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}").getBytes(StandardCharsets.UTF_8), REQUEST);

        assertEquals(List.of(new ToolCall("c1", "now", "{}"), new ToolCall("c2", "now", "{}")), response.toolCalls());
    }

    @Test
    void toolCallsAreMappedInOrderWithEmptyTextForNullContent() {
        ChatResponse response = PARSER.parse(OpenAiFixtures.bytes("completion-tool-calls.json"), REQUEST);

        assertEquals("", response.text());
        assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
        assertEquals(List.of(new ToolCall("call_weather_oslo", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"),
                        new ToolCall("call_time_oslo", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}")),
                response.toolCalls());
        assertEquals(new Usage(95, 41), response.usage());
        assertEquals("gpt-4o-2024-08-06", response.model());
    }

    @Test
    void aTruncatedAnswerFinishesWithLengthAndUsageWithoutDetails() {
        ChatResponse response = PARSER.parse(OpenAiFixtures.bytes("completion-length.json"), REQUEST);

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals("The three primary colours of light are red, green and", response.text());
        assertEquals(new Usage(18, 12, 0, 0), response.usage());
    }

    @Test
    void aResponseWithoutUsageIsEstimatedNotCostedAtZero() {
        ChatResponse response = PARSER.parse(OpenAiFixtures.bytes("completion-no-usage.json"), REQUEST);

        String answer = "Water boils at 100 degrees Celsius at sea level.";
        assertEquals(answer, response.text());
        assertEquals(UsageEstimate.of(TOKENS, REQUEST, answer), response.usage());
        assertTrue(response.usage().inputTokens() > 0 && response.usage().outputTokens() > 0);
        assertEquals("llama-3.1-8b-instruct", response.model());
    }

    @ParameterizedTest
    @CsvSource({"stop,STOP", "length,LENGTH", "tool_calls,TOOL_CALLS", "function_call,TOOL_CALLS",
            "content_filter,CONTENT_FILTER", "something_new,OTHER"})
    void finishReasonsMapOntoTheUnifiedModel(String wire, FinishReason expected) {
        assertEquals(expected, PARSER.parse(body("\"hi\"", "\"" + wire + "\"", ""), REQUEST).finishReason());
    }

    @Test
    void aMissingOrNullFinishReasonIsOtherAndAMissingModelIsTheRequestedOne() {
        byte[] noFinish = """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1}}""".getBytes(StandardCharsets.UTF_8);

        ChatResponse response = PARSER.parse(noFinish, REQUEST);

        assertEquals(FinishReason.OTHER, response.finishReason());
        assertEquals("gpt-4o-mini", response.model());
        assertEquals(FinishReason.OTHER, PARSER.parse(body("\"hi\"", "null", ""), REQUEST).finishReason());
    }

    @Test
    void aStopWithToolCallsIsAToolCallsFinishAsEveryOtherProvidersCallIs() {
        // OpenAI answers a call forced by name with "stop"; vLLM and Google's compatible endpoint answer any call so.
        byte[] json = """
                {"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
                 "content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"now",
                 "arguments":"{}"}}]}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}""".getBytes(StandardCharsets.UTF_8);

        assertEquals(FinishReason.TOOL_CALLS, PARSER.parse(json, REQUEST).finishReason());
        assertEquals(FinishReason.STOP, PARSER.parse(body("\"hi\"", "\"stop\"", ""), REQUEST).finishReason());
    }

    @Test
    void aToolCallWithoutArgumentsGetsAnEmptyObject() {
        byte[] json = """
                {"model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                 "content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"now"}}]}}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1}}""".getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of(new ToolCall("call_1", "now", "{}")), PARSER.parse(json, REQUEST).toolCalls());
    }

    @Test
    void cachedAndReasoningCountsBeyondTheTotalsAreCappedRatherThanRejected() {
        byte[] json = body("\"hi\"", "\"stop\"", """
                ,"usage":{"prompt_tokens":10,"completion_tokens":5,
                 "prompt_tokens_details":{"cached_tokens":50},"completion_tokens_details":{"reasoning_tokens":9}}""");

        assertEquals(new Usage(10, 5, 5, 10), PARSER.parse(json, REQUEST).usage());
    }

    @Test
    void usageWithoutCountsIsEstimated() {
        byte[] json = body("\"Fine.\"", "\"stop\"", ",\"usage\":{\"total_tokens\":12}");

        assertEquals(UsageEstimate.of(TOKENS, REQUEST, "Fine."), PARSER.parse(json, REQUEST).usage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all " + SECRET,
            "",
            "[{\"choices\":\"" + SECRET + "\"}]",
            "\"" + SECRET + "\"",
            "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"" + SECRET + "\"}",
            "{\"choices\":[],\"model\":\"" + SECRET + "\"}",
            "{\"choices\":\"" + SECRET + "\"}",
            "{\"choices\":[\"" + SECRET + "\"]}",
            "{\"choices\":[{\"index\":0,\"finish_reason\":\"" + SECRET + "\"}]}",
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":{\"text\":\"" + SECRET + "\"}}}]}",
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":42}}],\"model\":\"" + SECRET + "\"}",
            "{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"" + SECRET + "\"}}]}}]}",
            "{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"arguments\":\"" + SECRET + "\"}}]}}]}",
            "{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":{\"id\":\"" + SECRET + "\"}}}]}",
            "{\"choices\":[{\"message\":{\"content\":\"" + SECRET + "\"}}]"
    })
    void aBodyThatIsNotACompletionIsTheProvidersFaultAndIsNotEchoed(String body) {
        ProviderException e = assertThrows(ProviderException.class,
                () -> PARSER.parse(body.getBytes(StandardCharsets.UTF_8), REQUEST));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.fallbackAllowed());
        assertEquals("openai-main", e.provider());
        assertTrue(e.getMessage().startsWith("openai-main sent a response that "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void anErrorBodyIsNotMistakenForACompletion() {
        for (String name : List.of("error-400-context-length.json", "error-401.json", "error-404-model-not-found.json",
                "error-429.json")) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> PARSER.parse(OpenAiFixtures.bytes(name), REQUEST), name);
            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind(), name);
            assertFalse(e.getMessage().contains("maximum context length"), e.getMessage());
        }
    }

    private static byte[] body(String content, String finishReason, String rest) {
        return ("{\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + content + "},\"finish_reason\":" + finishReason + "}]" + rest + "}").getBytes(StandardCharsets.UTF_8);
    }
}
