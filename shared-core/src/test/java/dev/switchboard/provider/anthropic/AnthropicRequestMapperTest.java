package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.ToolHistoryAsText;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unified request as an Anthropic Messages body, compared as JSON trees. */
class AnthropicRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final AnthropicRequestMapper MAPPER = new AnthropicRequestMapper(JSON);
    private static final String MODEL = "claude-3-5-sonnet-20241022";

    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string","description":"City name"},
             "unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"]}""";

    private static JsonNode tree(String json) throws IOException {
        return JSON.readValue(json, JsonNode.class);
    }

    private static JsonNode body(ChatRequest request, boolean stream) throws IOException {
        return JSON.readValue(MAPPER.body(request, stream), JsonNode.class);
    }

    /** A tool is offered whenever the conversation holds tool turns: without one they would go as text. */
    private static ChatRequest request(List<ChatMessage> messages) {
        List<ToolDefinition> tools = ToolHistoryAsText.holdsToolTurns(messages)
                ? List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}")) : List.of();
        return new ChatRequest(MODEL, messages, 256, null, tools);
    }

    @Test
    void systemTurnsGoToTheSystemFieldJoinedAndMaxTokensIsAlwaysSent() throws IOException {
        ChatRequest request = request(List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Hi"),
                new ChatMessage("system", "Answer in French.")));

        assertEquals(tree("""
                {"model":"claude-3-5-sonnet-20241022","max_tokens":256,
                 "system":"Be brief.\\n\\nAnswer in French.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"""), body(request, false));
    }

    @Test
    void noSystemTurnMeansNoSystemField() throws IOException {
        assertNull(body(request(List.of(ChatMessage.user("Hi"))), false).get("system"));
    }

    @Test
    void consecutiveTurnsOfOneRoleAreMergedSoThatRolesAlternate() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("First."), ChatMessage.user("Second."),
                new ChatMessage("assistant", "One."), new ChatMessage("assistant", "Two."), ChatMessage.user("Third.")));

        assertEquals(tree("""
                [{"role":"user","content":[{"type":"text","text":"First."},{"type":"text","text":"Second."}]},
                 {"role":"assistant","content":[{"type":"text","text":"One."},{"type":"text","text":"Two."}]},
                 {"role":"user","content":[{"type":"text","text":"Third."}]}]"""), body(request, false).get("messages"));
    }

    @Test
    void toolCallsBecomeToolUseBlocksAndToolTurnsBecomeToolResultsInOneUserTurn() throws IOException {
        ChatRequest request = request(List.of(
                ChatMessage.user("Weather and time in Oslo?"),
                new ChatMessage("assistant", "", List.of(
                        new ToolCall("toolu_weather", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("toolu_time", "get_local_time", "")), null),
                new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "toolu_weather"),
                new ChatMessage("tool", "14:05", List.of(), "toolu_time"),
                ChatMessage.user("And tomorrow?")));

        JsonNode messages = body(request, false).get("messages");

        assertEquals(tree("""
                [{"role":"user","content":[{"type":"text","text":"Weather and time in Oslo?"}]},
                 {"role":"assistant","content":[
                   {"type":"tool_use","id":"toolu_weather","name":"get_weather","input":{"city":"Oslo"}},
                   {"type":"tool_use","id":"toolu_time","name":"get_local_time","input":{}}]},
                 {"role":"user","content":[
                   {"type":"tool_result","tool_use_id":"toolu_weather","content":"{\\"temp_c\\":3}"},
                   {"type":"tool_result","tool_use_id":"toolu_time","content":"14:05"},
                   {"type":"text","text":"And tomorrow?"}]}]"""), messages);
        assertTrue(messages.get(1).get("content").get(0).get("input").isObject(),
                "Anthropic takes a call's input as a JSON object, not as text");
    }

    @Test
    void anAssistantTurnWithTextAndToolCallsKeepsBoth() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Weather?"),
                new ChatMessage("assistant", "Let me check.",
                        List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\"}")), null)));

        assertEquals(tree("""
                {"role":"assistant","content":[{"type":"text","text":"Let me check."},
                  {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}]}"""),
                body(request, false).get("messages").get(1));
    }

    @Test
    void toolsCarryNameDescriptionAndTheirSchemaAsInputSchema() throws IOException {
        ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_SCHEMA),
                        new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}")));

        assertEquals(tree("""
                [{"name":"get_weather","description":"Current weather for a city","input_schema":%s},
                 {"name":"get_local_time","input_schema":{"type":"object","properties":{}}}]"""
                .formatted(WEATHER_SCHEMA)), body(request, false).get("tools"));
    }

    @Test
    void aStrictToolCarriesStrictBesideItsInputSchema() throws IOException {
        ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", null, WEATHER_SCHEMA, true),
                        new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}")));

        assertEquals(tree("""
                [{"name":"get_weather","input_schema":%s,"strict":true},
                 {"name":"get_local_time","input_schema":{"type":"object","properties":{}}}]"""
                .formatted(WEATHER_SCHEMA)), body(request, false).get("tools"));
    }

    @Test
    void promptCachingMarksTheSystemPromptTheLastTurnAndTheUserTurnBeforeIt() throws IOException {
        AnthropicRequestMapper caching = new AnthropicRequestMapper(JSON, true);
        ChatRequest request = new ChatRequest(MODEL, List.of(new ChatMessage("system", "Answer briefly."),
                ChatMessage.user("Weather in Oslo?"), new ChatMessage("assistant", "Rainy."), ChatMessage.user("And Bergen?"),
                new ChatMessage("assistant", "Rainier."), ChatMessage.user("And Tromsø?")),
                100, null, List.of(new ToolDefinition("get_weather", null, WEATHER_SCHEMA)));

        JsonNode body = JSON.readValue(caching.body(request, false), JsonNode.class);

        assertEquals(tree("[{\"type\":\"text\",\"text\":\"Answer briefly.\",\"cache_control\":{\"type\":\"ephemeral\"}}]"),
                body.get("system"));
        JsonNode turns = body.get("messages");
        assertEquals(tree("[{\"type\":\"text\",\"text\":\"And Tromsø?\",\"cache_control\":{\"type\":\"ephemeral\"}}]"),
                turns.get(4).get("content"));
        assertEquals(tree("[{\"type\":\"text\",\"text\":\"And Bergen?\",\"cache_control\":{\"type\":\"ephemeral\"}}]"),
                turns.get(2).get("content"), "where the previous request put its mark");
        for (int unmarked : new int[] {0, 1, 3}) {
            assertNull(turns.get(unmarked).get("content").get(0).get("cache_control"), "turn " + unmarked);
        }
        assertNull(body.get("tools").get(0).get("cache_control"), "the system prompt ends the prefix");
        assertEquals(tree("\"Answer briefly.\""), body(request, false).get("system"),
                "without prompt caching the system prompt stays a string");
    }

    @Test
    void promptCachingWithoutASystemPromptMarksTheLastToolAndTheLastBlock() throws IOException {
        AnthropicRequestMapper caching = new AnthropicRequestMapper(JSON, true);
        ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("Weather in Oslo?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\"}")),
                        null), new ChatMessage("tool", "18C", List.of(), "toolu_1")),
                100, null, List.of(new ToolDefinition("get_local_time", null, "{\"type\":\"object\"}"),
                        new ToolDefinition("get_weather", null, WEATHER_SCHEMA)));

        JsonNode body = JSON.readValue(caching.body(request, true), JsonNode.class);

        assertNull(body.get("system"));
        assertNull(body.get("tools").get(0).get("cache_control"));
        assertEquals(tree("{\"type\":\"ephemeral\"}"), body.get("tools").get(1).get("cache_control"));
        JsonNode last = body.get("messages").get(2).get("content").get(0);
        assertEquals("tool_result", last.get("type").getStringValue());
        assertEquals(tree("{\"type\":\"ephemeral\"}"), last.get("cache_control"));
        assertEquals(tree("{\"type\":\"ephemeral\"}"), body.get("messages").get(0).get("content").get(0).get("cache_control"),
                "the question before the call, the user turn before the last");
    }

    @Test
    void aToolChoiceOtherThanAutoGoesInAnthropicsWords() throws IOException {
        ChatRequest request = new ChatRequest("claude-3-5-haiku-20241022", List.of(ChatMessage.user("Weather?")), 100,
                null, List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_SCHEMA)));

        assertNull(body(request, false).get("tool_choice"), "auto is Anthropic's default");
        assertEquals(tree("{\"type\":\"none\"}"), body(request.withToolChoice(ToolChoice.NONE), false).get("tool_choice"));
        assertEquals(tree("{\"type\":\"any\"}"),
                body(request.withToolChoice(ToolChoice.REQUIRED), false).get("tool_choice"));
        assertEquals(tree("{\"type\":\"tool\",\"name\":\"get_weather\"}"),
                body(request.withToolChoice(ToolChoice.function("get_weather")), true).get("tool_choice"));
    }

    @Test
    void oneCallAtATimeIsDisableParallelToolUseInsideTheChoice() throws IOException {
        ChatRequest request = new ChatRequest("claude-3-5-haiku-20241022", List.of(ChatMessage.user("Weather?")), 100,
                null, List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_SCHEMA)));

        assertEquals(tree("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                body(request.withToolChoice(ToolChoice.AUTO.oneCallAtATime()), false).get("tool_choice"));
        assertEquals(tree("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"),
                body(request.withToolChoice(ToolChoice.REQUIRED.oneCallAtATime()), false).get("tool_choice"));
        assertEquals(tree("{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"),
                body(request.withToolChoice(ToolChoice.function("get_weather").oneCallAtATime()), true).get("tool_choice"));
        assertEquals(tree("{\"type\":\"none\"}"),
                body(request.withToolChoice(ToolChoice.NONE.oneCallAtATime()), false).get("tool_choice"),
                "with no call allowed there is none to hold to one");
    }

    @Test
    void topPAndStopSequencesGoAsAnthropicNamesThem() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Hi"))).withOptions(new GenerationOptions(0.5,
                List.of("Human:")));

        JsonNode body = body(request, false);

        assertEquals(0.5, body.get("top_p").getDoubleValue());
        assertEquals(tree("[\"Human:\"]"), body.get("stop_sequences"));
        assertNull(body(request(List.of(ChatMessage.user("Hi"))), false).get("stop_sequences"));
    }

    @Test
    void withATemperatureTopPIsLeftOutSinceNewerModelsRefuseBoth() throws IOException {
        ChatRequest request = new ChatRequest("claude-sonnet-4-5", List.of(ChatMessage.user("Hi")), 100, 0.3,
                List.of()).withOptions(new GenerationOptions(0.5, List.of()));

        JsonNode body = body(request, false);

        assertEquals(0.3, body.get("temperature").getDoubleValue());
        assertNull(body.get("top_p"));
    }

    @Test
    void aSeedIsNotSentSinceTheMessagesApiHasNone() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Hi"))).withOptions(
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, 42L));

        JsonNode body = body(request, false);

        assertNull(body.get("seed"));
        assertEquals(tree("{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":256,"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}"), body);
    }

    @Test
    void penaltiesCannotBeSaidToAnthropicSoAnotherDeploymentMayTakeThem() {
        ChatRequest request = request(List.of(ChatMessage.user("Hi"))).withOptions(
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null, new Penalties(0, 0.5)));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false)).getMessage()
                .contains("penalty"));
    }

    @Test
    void aStopSequenceOfWhiteSpaceAloneCannotBeSaidToAnthropicSoAnotherDeploymentMayTakeIt() {
        ChatRequest request = request(List.of(ChatMessage.user("Hi"))).withOptions(new GenerationOptions(null,
                List.of("END", "\n")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false));
        assertTrue(e.getMessage().contains("white space"), e.getMessage());
    }

    @Test
    void aHistoryOfToolCallsWithoutToolsGoesAsTextWhichAnthropicTakes() throws IOException {
        JsonNode body = body(new ChatRequest(MODEL, List.of(ChatMessage.user("Weather?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c1", "get_weather", "{\"city\":\"Oslo\"}")), null),
                new ChatMessage("tool", "18C", List.of(), "c1"), ChatMessage.user("Summarise this session")), 256), false);

        assertNull(body.get("tools"));
        assertEquals(tree("""
                [{"role":"user","content":[{"type":"text","text":"Weather?"}]},
                 {"role":"assistant","content":[{"type":"text","text":"[called tool get_weather with {\\"city\\":\\"Oslo\\"}]"}]},
                 {"role":"user","content":[{"type":"text","text":"[tool get_weather returned: 18C]"},
                                           {"type":"text","text":"Summarise this session"}]}]"""),
                body.get("messages"), "Anthropic refuses tool blocks in a request without tools");
    }

    @Test
    void noToolsMeansNoToolsField() throws IOException {
        assertNull(body(request(List.of(ChatMessage.user("Hi"))), false).get("tools"));
    }

    @Test
    void temperatureIsSentOnlyWhenSetIncludingZeroAndClampedToAnthropicsMaximum() throws IOException {
        List<ChatMessage> hi = List.of(ChatMessage.user("Hi"));

        assertNull(body(new ChatRequest(MODEL, hi, 10), false).get("temperature"));
        assertEquals(0.0, body(new ChatRequest(MODEL, hi, 10, 0.0, List.of()), false).get("temperature").getDoubleValue());
        assertEquals(0.7, body(new ChatRequest(MODEL, hi, 10, 0.7, List.of()), false).get("temperature").getDoubleValue());
        assertEquals(1.0, body(new ChatRequest(MODEL, hi, 10, 1.0, List.of()), false).get("temperature").getDoubleValue());
        assertEquals(1.0, body(new ChatRequest(MODEL, hi, 10, 1.6, List.of()), false).get("temperature").getDoubleValue());
        assertEquals(1.0, body(new ChatRequest(MODEL, hi, 10, 2.0, List.of()), false).get("temperature").getDoubleValue());
    }

    @Test
    void streamingSetsStreamTrueAndOtherwiseLeavesItOut() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Hi")));

        assertTrue(body(request, true).get("stream").getBooleanValue());
        assertNull(body(request, false).get("stream"));
    }

    @Test
    void emptyTextIsNotSentAsABlockAndATurnLeftEmptyIsDropped() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Hi"), new ChatMessage("assistant", ""),
                ChatMessage.user("Still there?")));

        assertEquals(tree("""
                [{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"Still there?"}]}]"""),
                body(request, false).get("messages"));
    }

    @Test
    void whiteSpaceOnlyTextIsNotSentAsABlockEitherAndBlankSystemTurnsAddNothing() throws IOException {
        ChatRequest request = request(List.of(new ChatMessage("system", " "), new ChatMessage("system", "Be brief."),
                ChatMessage.user("Hi"), new ChatMessage("assistant", "  \n"), ChatMessage.user("Still there?"),
                new ChatMessage("assistant", " ", List.of(new ToolCall("toolu_1", "f", "{}")), null)));
        JsonNode body = body(request, false);

        assertEquals("Be brief.", body.get("system").getStringValue());
        assertEquals(tree("""
                [{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"Still there?"}]},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{}}]}]"""),
                body.get("messages"));
    }

    @Test
    void aRequestWithOnlySystemTurnsIsRefused() {
        ChatRequest request = request(List.of(new ChatMessage("system", "Be brief.")));

        assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false));
    }

    @Test
    void toolSchemasAndCallArgumentsThatAreNotJsonObjectsAreRefused() {
        for (String schema : List.of("{\"type\": \"object\", ", "[1]", "{\"type\":\"object\"} {}")) {
            ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("hi")), 10, null,
                    List.of(new ToolDefinition("broken", "d", schema)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false));
            assertTrue(e.getMessage().contains("broken"), e.getMessage());
        }
        for (String arguments : List.of("{\"city\":", "\"Oslo\"", "{} {}")) {
            ChatRequest request = request(List.of(ChatMessage.user("hi"),
                    new ChatMessage("assistant", "", List.of(new ToolCall("toolu_bad", "f", arguments)), null)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false));
            assertTrue(e.getMessage().contains("toolu_bad"), e.getMessage());
        }
    }

    @Test
    void theBodyIsUtf8Json() throws IOException {
        ChatRequest request = request(List.of(ChatMessage.user("Grüße \"quoted\" 🌍\nnew line")));

        assertEquals("Grüße \"quoted\" 🌍\nnew line", body(request, false).get("messages").get(0).get("content").get(0)
                .get("text").getStringValue());
    }

    @Test
    void theEndUserGoesAsMetadataUserIdHashedAndNoMetadataIsSentWithoutOne() throws IOException {
        ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("Hi")), 16, null, List.of(), null,
                "user-1234");
        // SHA-256 of "user-1234", as 64 lower-case hex digits.
        String hashed = "{\"user_id\":\"c61a1c5012d6c65245f90fa22c6b97542be011998474fc9887ee6299ab93e3e1\"}";

        assertEquals(tree(hashed), body(request, false).get("metadata"));
        assertEquals(tree(hashed), body(request, true).get("metadata"));
        assertNull(body(request(List.of(ChatMessage.user("Hi"))), false).get("metadata"));
    }

    @Test
    void anEmailAddressAsEndUserIsNeverSentAsIs() throws IOException {
        ChatRequest request = new ChatRequest(MODEL, List.of(ChatMessage.user("Hi")), 16, null, List.of(), null,
                "ada@example.com");
        byte[] sent = MAPPER.body(request, false);

        assertEquals("b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72",
                JSON.readValue(sent, JsonNode.class).get("metadata").get("user_id").getStringValue());
        assertFalse(new String(sent, StandardCharsets.UTF_8).contains("example.com"));
    }
}
