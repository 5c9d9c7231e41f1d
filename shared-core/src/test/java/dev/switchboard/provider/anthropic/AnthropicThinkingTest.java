package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reasoning effort as Claude's extended thinking on Anthropic's wire, and what thinking cannot be asked with
 * ({@link dev.switchboard.provider.ClaudeThinking}'s rules, seen through the Anthropic mapper; Bedrock's use of
 * them is in BedrockRequestMapperTest).
 */
class AnthropicThinkingTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final AnthropicRequestMapper MAPPER = new AnthropicRequestMapper(JSON);
    private static final List<ToolDefinition> WEATHER =
            List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}"));

    private static ChatRequest thinking(ReasoningEffort effort, int maxTokens, Double temperature, Double topP,
                                        List<ToolDefinition> tools, List<ChatMessage> messages) {
        return new ChatRequest("claude-sonnet-4-5", messages, maxTokens, temperature, tools)
                .withOptions(new GenerationOptions(topP, List.of(), ResponseFormat.TEXT, null, effort));
    }

    private static ChatRequest thinking(ReasoningEffort effort, int maxTokens) {
        return thinking(effort, maxTokens, null, null, List.of(), List.of(ChatMessage.user("Is 2^61-1 prime?")));
    }

    private static JsonNode body(ChatRequest request) throws IOException {
        return JSON.readValue(MAPPER.body(request, false), JsonNode.class);
    }

    private static String refusal(ChatRequest request) {
        return assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, true)).getMessage();
    }

    @Test
    void eachEffortIsABudgetOfThinkingTokens() throws IOException {
        int[] budgets = {1024, 1024, 2048, 4096, 16384};
        ReasoningEffort[] efforts = {ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM,
                ReasoningEffort.HIGH, ReasoningEffort.XHIGH};
        for (int i = 0; i < efforts.length; i++) {
            assertEquals(JSON.readValue("{\"type\":\"enabled\",\"budget_tokens\":" + budgets[i] + "}", JsonNode.class),
                    body(thinking(efforts[i], 64_000)).get("thinking"), efforts[i].name());
        }
        assertNull(body(thinking(ReasoningEffort.NONE, 64_000)).get("thinking"), "Claude does not think unless asked");
    }

    @Test
    void claude46AndLaterThinkAdaptivelyAtTheEffortAskedWhateverMaxTokens() throws IOException {
        ReasoningEffort[] efforts = {ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM,
                ReasoningEffort.HIGH, ReasoningEffort.XHIGH};
        String[] opus47 = {"low", "low", "medium", "high", "xhigh"};
        for (int i = 0; i < efforts.length; i++) {
            JsonNode body = body(on("claude-opus-4-7", thinking(efforts[i], 1000)));
            assertEquals(JSON.readValue("{\"type\":\"adaptive\"}", JsonNode.class), body.get("thinking"), efforts[i].name());
            assertEquals(opus47[i], body.get("output_config").get("effort").getStringValue(), efforts[i].name());
            assertNull(body.get("thinking").get("budget_tokens"));
        }
        assertNull(body(on("claude-opus-4-7", thinking(ReasoningEffort.NONE, 1000))).get("output_config"));
    }

    @Test
    void xhighIsTheMostEachAdaptiveModelTakes() throws IOException {
        assertEquals("max", effortOf("claude-opus-4-6"), "Opus 4.6 has max, not yet xhigh");
        assertEquals("high", effortOf("claude-sonnet-4-6"), "Sonnet 4.6 has neither");
        assertEquals("xhigh", effortOf("claude-fable-5"));
        assertEquals("high", effortOf("claude-mythos-preview"), "a model without a version: the effort every one takes");
    }

    @Test
    void anAdaptiveEffortGoesBesideAStructuredOutputsFormat() throws IOException {
        ChatRequest request = on("claude-sonnet-4-6", thinking(ReasoningEffort.MEDIUM, 4000)).withOptions(
                new GenerationOptions(null, List.of(), ResponseFormat.jsonSchema("answer",
                        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}", true, null),
                        null, ReasoningEffort.MEDIUM));

        JsonNode outputConfig = body(request).get("output_config");

        assertEquals("medium", outputConfig.get("effort").getStringValue());
        assertEquals("json_schema", outputConfig.get("format").get("type").getStringValue());
    }

    @Test
    void claudesBefore46KeepTheirBudgets() throws IOException {
        for (String model : List.of("claude-sonnet-4-5-20250929", "claude-opus-4-20250514", "claude-opus-4-1-20250805",
                "claude-3-7-sonnet-20250219", "claude-haiku-4-5")) {
            JsonNode body = body(on(model, thinking(ReasoningEffort.HIGH, 64_000)));
            assertEquals(4096, body.get("thinking").get("budget_tokens").getIntValue(), model);
            assertNull(body.get("output_config"), model);
        }
    }

    @Test
    void claude47AndLaterAreSentNoSamplingParametersAndThinkWhateverTheRequestSaysOfThem() throws IOException {
        ChatRequest sampled = thinking(ReasoningEffort.NONE, 4000, 0.2, 0.5, List.of(), List.of(ChatMessage.user("Hi")));

        JsonNode plain = body(on("claude-opus-4-7", sampled));
        assertNull(plain.get("temperature"));
        assertNull(plain.get("top_p"));
        assertEquals(0.2, body(on("claude-opus-4-6", sampled)).get("temperature").getDoubleValue(), "4.6 takes them");

        ChatRequest thinks = thinking(ReasoningEffort.LOW, 4000, 0.2, 0.5, List.of(), List.of(ChatMessage.user("Hi")));
        assertEquals("adaptive", body(on("claude-opus-4-7", thinks)).get("thinking").get("type").getStringValue());
        assertTrue(refusal(on("claude-opus-4-6", thinks)).contains("temperature"), "4.6 thinks only at its own");
    }

    private static ChatRequest on(String model, ChatRequest request) {
        return new ChatRequest(model, request.messages(), request.maxTokens(), request.temperature(), request.tools())
                .withOptions(request.options());
    }

    private static String effortOf(String model) throws IOException {
        return body(on(model, thinking(ReasoningEffort.XHIGH, 8000))).get("output_config").get("effort").getStringValue();
    }

    @Test
    void theBudgetIsAtMostHalfOfMaxTokensAndAtLeastAnthropicsLeast() throws IOException {
        assertEquals(2048, body(thinking(ReasoningEffort.HIGH, 4096)).get("thinking").get("budget_tokens").getIntValue());
        assertTrue(refusal(thinking(ReasoningEffort.LOW, 2000)).contains("max_tokens of at least 2048"));
    }

    @Test
    void onlyClaudesOwnTemperatureGoesWithThinkingAndItIsNotSent() throws IOException {
        ChatRequest atOne = thinking(ReasoningEffort.LOW, 8000, 1.0, null, List.of(), List.of(ChatMessage.user("Hi")));

        assertNull(body(atOne).get("temperature"));
        assertTrue(refusal(thinking(ReasoningEffort.LOW, 8000, 0.2, null, List.of(), List.of(ChatMessage.user("Hi"))))
                .contains("temperature"));
        assertTrue(refusal(thinking(ReasoningEffort.LOW, 8000, null, 0.5, List.of(), List.of(ChatMessage.user("Hi"))))
                .contains("top_p"));
        assertEquals(0.97, body(thinking(ReasoningEffort.LOW, 8000, null, 0.97, List.of(),
                List.of(ChatMessage.user("Hi")))).get("top_p").getDoubleValue());
        assertEquals(0.97, body(thinking(ReasoningEffort.LOW, 8000, 1.0, 0.97, List.of(),
                List.of(ChatMessage.user("Hi")))).get("top_p").getDoubleValue(), "no temperature is sent beside it");
    }

    @Test
    void aForcedToolCallCannotGoWithThinking() throws IOException {
        ChatRequest auto = thinking(ReasoningEffort.LOW, 8000, null, null, WEATHER, List.of(ChatMessage.user("Weather?")));

        assertEquals(1, body(auto).get("tools").size());
        assertTrue(refusal(auto.withToolChoice(ToolChoice.REQUIRED)).contains("call a tool"));
        assertTrue(refusal(auto.withToolChoice(ToolChoice.function("get_weather"))).contains("call a tool"));
    }

    @Test
    void toolResultsForCallsWhoseThinkingWentBackToTheCallerCannotBeSent() throws IOException {
        List<ChatMessage> answering = List.of(ChatMessage.user("Weather in Oslo?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("toolu_1", "get_weather", "{}")), null),
                new ChatMessage("tool", "12 C", List.of(), "toolu_1"));
        List<ChatMessage> answeringAndAsking = List.of(answering.get(0), answering.get(1), answering.get(2),
                ChatMessage.user("And tomorrow?"));
        List<ChatMessage> movedOn = List.of(answering.get(0), answering.get(1), answering.get(2),
                new ChatMessage("assistant", "It is 12 C."), ChatMessage.user("And tomorrow?"));

        assertTrue(refusal(thinking(ReasoningEffort.LOW, 8000, null, null, WEATHER, answering)).contains("thinking blocks"));
        assertTrue(refusal(thinking(ReasoningEffort.LOW, 8000, null, null, WEATHER, answeringAndAsking))
                .contains("thinking blocks"), "the question goes in the same user turn as the results");
        assertEquals(2048, body(thinking(ReasoningEffort.MEDIUM, 8000, null, null, WEATHER, movedOn)).get("thinking")
                .get("budget_tokens").getIntValue(), "a new question needs no earlier thinking");
        assertEquals(1024, body(thinking(ReasoningEffort.LOW, 8000, null, null, List.of(), answering)).get("thinking")
                .get("budget_tokens").getIntValue(), "without tools the history goes as text");
    }

    @Test
    void anAnswerBegunForClaudeCannotBeContinuedWithThinking() throws IOException {
        List<ChatMessage> prefilled = List.of(ChatMessage.user("Name a prime."), new ChatMessage("assistant", "The prime is"),
                new ChatMessage("system", "Be brief."));

        assertTrue(refusal(thinking(ReasoningEffort.LOW, 8000, null, null, List.of(), prefilled)).contains("begun"));
        assertNull(body(thinking(ReasoningEffort.NONE, 8000, null, null, List.of(), prefilled)).get("thinking"),
                "without thinking a prefill goes as before");
    }
}
