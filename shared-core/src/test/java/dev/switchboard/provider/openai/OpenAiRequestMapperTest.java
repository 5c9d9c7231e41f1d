package dev.switchboard.provider.openai;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.PromptCacheHint;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unified request as an OpenAI Chat Completions body, compared as JSON trees. */
class OpenAiRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final OpenAiRequestMapper OPENAI = new OpenAiRequestMapper(JSON, "max_completion_tokens");
    private static final OpenAiRequestMapper COMPATIBLE = new OpenAiRequestMapper(JSON, "max_tokens");

    private static final String WEATHER_PARAMETERS = """
            {"type":"object","properties":{"city":{"type":"string","description":"City name"},
             "unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"],
             "additionalProperties":false}""";

    private static JsonNode tree(String json) throws IOException {
        return JSON.readValue(json, JsonNode.class);
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return JSON.readValue(json, JsonNode.class);
    }

    private static ChatRequest simple() {
        return new ChatRequest("gpt-4o-mini", List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Hi")), 256);
    }

    @Test
    void openAiTakesTheBudgetAsMaxCompletionTokensAndNoTemperatureUnlessSet() throws IOException {
        assertEquals(tree("""
                {"model":"gpt-4o-mini",
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],
                 "max_completion_tokens":256}"""), tree(OPENAI.body(simple(), false)));
    }

    @Test
    void compatibleServersTakeTheBudgetAsMaxTokens() throws IOException {
        JsonNode body = tree(COMPATIBLE.body(simple(), false));

        assertEquals(tree("""
                {"model":"gpt-4o-mini",
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],
                 "max_tokens":256}"""), body);
        assertNull(body.get("max_completion_tokens"));
    }

    @Test
    void temperatureIsSentOnlyWhenSetIncludingZero() throws IOException {
        List<ChatMessage> hi = List.of(ChatMessage.user("Hi"));

        JsonNode warm = tree(OPENAI.body(new ChatRequest("m", hi, 10, 0.7, List.of()), false));
        JsonNode cold = tree(OPENAI.body(new ChatRequest("m", hi, 10, 0.0, List.of()), false));

        assertEquals(0.7, warm.get("temperature").getDoubleValue(), 0.0);
        assertTrue(cold.get("temperature").isNumber(), "0 is a temperature, not an absent one");
        assertEquals(0.0, cold.get("temperature").getDoubleValue(), 0.0);
        assertNull(tree(OPENAI.body(new ChatRequest("m", hi, 10), false)).get("temperature"));
    }

    @Test
    void toolsCarryTheirParametersAsJsonNotAsAString() throws IOException {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS),
                        new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}")));

        JsonNode body = tree(OPENAI.body(request, false));

        assertEquals(tree("""
                [{"type":"function","function":{"name":"get_weather","description":"Current weather for a city",
                  "parameters":%s}},
                 {"type":"function","function":{"name":"get_local_time","parameters":{"type":"object","properties":{}}}}]
                """.formatted(WEATHER_PARAMETERS)), body.get("tools"));
        assertTrue(body.get("tools").get(0).get("function").get("parameters").isObject());
        assertNull(body.get("tools").get(1).get("function").get("description"), "no description, no field");
    }

    @Test
    void aStrictToolSaysSoInItsFunctionAndALooseOneSaysNothing() throws IOException {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", null, WEATHER_PARAMETERS, true),
                        new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}")));

        for (OpenAiRequestMapper mapper : List.of(OPENAI, COMPATIBLE)) {
            JsonNode tools = tree(mapper.body(request, false)).get("tools");
            assertTrue(tools.get(0).get("function").get("strict").getBooleanValue());
            assertNull(tools.get(1).get("function").get("strict"), "false is OpenAI's default");
        }
    }

    @Test
    void oneCallAtATimeIsParallelToolCallsFalseOnlyBesideTools() throws IOException {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS)));

        assertFalse(tree(OPENAI.body(request.withToolChoice(ToolChoice.AUTO.oneCallAtATime()), false))
                .get("parallel_tool_calls").getBooleanValue());
        assertFalse(tree(COMPATIBLE.body(request.withToolChoice(ToolChoice.REQUIRED.oneCallAtATime()), true))
                .get("parallel_tool_calls").getBooleanValue());
        assertNull(tree(OPENAI.body(request, false)).get("parallel_tool_calls"), "true is OpenAI's default");
        assertNull(tree(OPENAI.body(simple().withToolChoice(ToolChoice.AUTO.oneCallAtATime()), false))
                .get("parallel_tool_calls"), "OpenAI refuses it without tools");
    }

    @Test
    void aToolChoiceOtherThanAutoGoesInOpenAisWords() throws IOException {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("Weather in Oslo?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS)));

        assertNull(tree(OPENAI.body(request, false)).get("tool_choice"), "auto is OpenAI's default with tools");
        assertEquals(tree("\"none\""), tree(OPENAI.body(request.withToolChoice(ToolChoice.NONE), false)).get("tool_choice"));
        assertEquals(tree("\"required\""),
                tree(COMPATIBLE.body(request.withToolChoice(ToolChoice.REQUIRED), false)).get("tool_choice"));
        assertEquals(tree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"),
                tree(OPENAI.body(request.withToolChoice(ToolChoice.function("get_weather")), true)).get("tool_choice"));
    }

    @Test
    void topPAndStopSequencesGoAsOpenAiNamesThemAndOnlyWhenSet() throws IOException {
        JsonNode body = tree(COMPATIBLE.body(simple().withOptions(new GenerationOptions(0.9, List.of("\n\n", "END"))),
                false));

        assertEquals(0.9, body.get("top_p").getDoubleValue());
        assertEquals(tree("[\"\\n\\n\",\"END\"]"), body.get("stop"));
        assertNull(tree(OPENAI.body(simple(), false)).get("top_p"));
        assertNull(tree(OPENAI.body(simple(), false)).get("stop"));
    }

    @Test
    void aSeedGoesAsItIsToBothAndOnlyWhenSet() throws IOException {
        GenerationOptions seeded = new GenerationOptions(null, List.of(), ResponseFormat.TEXT, Long.MAX_VALUE);

        assertEquals(Long.MAX_VALUE, tree(OPENAI.body(simple().withOptions(seeded), false)).get("seed").getLongValue());
        assertEquals(Long.MAX_VALUE, tree(COMPATIBLE.body(simple().withOptions(seeded), true)).get("seed").getLongValue());
        assertNull(tree(OPENAI.body(simple(), false)).get("seed"));
    }

    @Test
    void aReasoningEffortGoesAsReasoningEffortToBoth() throws IOException {
        GenerationOptions thinking = new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.MINIMAL);

        assertEquals("minimal", tree(OPENAI.body(simple().withOptions(thinking), false)).get("reasoning_effort")
                .getStringValue());
        assertEquals("minimal", tree(COMPATIBLE.body(simple().withOptions(thinking), true)).get("reasoning_effort")
                .getStringValue());
        assertNull(tree(OPENAI.body(simple(), false)).get("reasoning_effort"));
    }

    @Test
    void penaltiesGoAsOpenAiNamesThemOnlyWhenNotZero() throws IOException {
        JsonNode body = tree(OPENAI.body(simple().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT,
                null, null, new Penalties(-0.5, 1.5))), false));

        assertEquals(-0.5, body.get("presence_penalty").getDoubleValue());
        assertEquals(1.5, body.get("frequency_penalty").getDoubleValue());
        JsonNode presenceOnly = tree(COMPATIBLE.body(simple().withOptions(new GenerationOptions(null, List.of(),
                ResponseFormat.TEXT, null, null, new Penalties(0.25, 0))), false));
        assertNull(presenceOnly.get("frequency_penalty"));
        assertNull(tree(OPENAI.body(simple(), false)).get("presence_penalty"));
    }

    @Test
    void promptCacheHintsGoToOpenAiItselfOnly() throws IOException {
        ChatRequest hinted = simple().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                Penalties.NONE, new PromptCacheHint("agent-7", "24h")));

        JsonNode openAi = tree(new OpenAiRequestMapper(JSON, "max_completion_tokens", true).body(hinted, false));

        assertEquals("agent-7", openAi.get("prompt_cache_key").getStringValue());
        assertEquals("24h", openAi.get("prompt_cache_retention").getStringValue());
        assertNull(tree(COMPATIBLE.body(hinted, false)).get("prompt_cache_key"), "a compatible server may refuse it");
    }

    @Test
    void aResponseFormatGoesAsOpenAiShapesItAndTextAddsNothing() throws IOException {
        ResponseFormat schema = ResponseFormat.jsonSchema("weather", "{\"type\":\"object\",\"properties\":"
                + "{\"celsius\":{\"type\":\"number\"}},\"required\":[\"celsius\"]}", true, "Today's weather");

        JsonNode strict = tree(OPENAI.body(simple().withOptions(new GenerationOptions(null, List.of(), schema)), true));
        JsonNode object = tree(COMPATIBLE.body(simple().withOptions(
                new GenerationOptions(null, List.of(), ResponseFormat.JSON_OBJECT)), false));

        assertEquals(tree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather\",\"description\":"
                + "\"Today's weather\",\"schema\":{\"type\":\"object\",\"properties\":{\"celsius\":"
                + "{\"type\":\"number\"}},\"required\":[\"celsius\"]},\"strict\":true}}"), strict.get("response_format"));
        assertEquals(tree("{\"type\":\"json_object\"}"), object.get("response_format"));
        assertNull(tree(OPENAI.body(simple(), false)).get("response_format"), "text is every server's default");
        assertEquals(tree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"any\"}}"), tree(OPENAI.body(simple()
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.jsonSchema("any", null, null, null))),
                false)).get("response_format"), "OpenAI's schema is optional");
    }

    @Test
    void noToolsMeansNoToolsField() throws IOException {
        assertNull(tree(OPENAI.body(simple(), false)).get("tools"));
    }

    @Test
    void anAssistantTurnCarriesItsToolCallsAndAToolTurnNamesTheCallItAnswers() throws IOException {
        ToolCall call = new ToolCall("call_weather_oslo", "get_weather", "{\"city\":\"Oslo\"}");
        ChatRequest request = new ChatRequest("gpt-4o", List.of(
                ChatMessage.user("Weather in Oslo?"),
                new ChatMessage("assistant", "", List.of(call), null),
                new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "call_weather_oslo")), 100);

        JsonNode messages = tree(OPENAI.body(request, false)).get("messages");

        assertEquals(tree("""
                [{"role":"user","content":"Weather in Oslo?"},
                 {"role":"assistant","content":"",
                  "tool_calls":[{"id":"call_weather_oslo","type":"function",
                                 "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_weather_oslo","content":"{\\"temp_c\\":3}"}]"""), messages);
        assertTrue(messages.get(1).get("tool_calls").get(0).get("function").get("arguments").isString(),
                "OpenAI takes a call's arguments as a JSON string");
    }

    @Test
    void streamingAsksForTheUsageChunk() throws IOException {
        JsonNode streamed = tree(OPENAI.body(simple(), true));
        JsonNode plain = tree(OPENAI.body(simple(), false));

        assertTrue(streamed.get("stream").getBooleanValue());
        assertEquals(tree("{\"include_usage\":true}"), streamed.get("stream_options"));
        assertNull(plain.get("stream"));
        assertNull(plain.get("stream_options"));
    }

    @Test
    void toolParametersThatAreNotJsonAreRefused() {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("hi")), 10, null,
                List.of(new ToolDefinition("broken", "d", "{\"type\": \"object\", ")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OPENAI.body(request, false));
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void toolParametersWithTextAfterTheJsonAreRefused() {
        for (String parameters : List.of("{\"type\":\"object\",\"properties\":{}}}", "{\"type\":\"object\"} {}",
                "{\"type\":\"object\"} and more")) {
            ChatRequest request = new ChatRequest("gpt-4o", List.of(ChatMessage.user("hi")), 10, null,
                    List.of(new ToolDefinition("trailing", "d", parameters)));

            assertThrows(IllegalArgumentException.class, () -> OPENAI.body(request, false), parameters);
        }
    }

    @Test
    void theBodyIsUtf8Json() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Grüße \"quoted\" 🌍\nnew line")), 10);

        assertEquals("Grüße \"quoted\" 🌍\nnew line",
                tree(OPENAI.body(request, false)).get("messages").get(0).get("content").getStringValue());
    }

    @Test
    void theEndUserGoesAsUserToOpenAiAndCompatibleServersAndIsLeftOutWhenNone() throws IOException {
        ChatRequest request = new ChatRequest("gpt-4o-mini", List.of(ChatMessage.user("Hi")), 16, null, List.of(),
                null, "user-1234");

        assertEquals("user-1234", tree(OPENAI.body(request, false)).get("user").getStringValue());
        assertEquals("user-1234", tree(COMPATIBLE.body(request, true)).get("user").getStringValue());
        assertNull(tree(OPENAI.body(simple(), false)).get("user"));
        assertTrue(!request.toString().contains("user-1234") && !request.toString().contains("Hi"), request.toString());
    }
}
