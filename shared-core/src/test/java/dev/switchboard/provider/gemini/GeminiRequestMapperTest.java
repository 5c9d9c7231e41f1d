package dev.switchboard.provider.gemini;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unified request as a Gemini GenerateContentRequest body, compared as JSON trees. */
class GeminiRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final GeminiRequestMapper MAPPER = new GeminiRequestMapper(JSON);

    private static final String WEATHER_PARAMETERS = """
            {"type":"object","properties":{"city":{"type":"string","description":"City name"}},"required":["city"]}""";

    static final ToolCall WEATHER_CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}");
    static final ToolCall TIME_CALL = new ToolCall("call_2", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}");

    static JsonNode tree(String json) throws IOException {
        return JSON.readValue(json, JsonNode.class);
    }

    static JsonNode body(ChatRequest request) throws IOException {
        return JSON.readValue(MAPPER.body(request), JsonNode.class);
    }

    @Test
    void systemTurnsBecomeTheSystemInstructionAndAssistantTurnsAreTheModel() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.0-flash", List.of(new ChatMessage("system", "Be brief."),
                ChatMessage.user("Hi"), new ChatMessage("assistant", "Hello."), new ChatMessage("system", "Use English."),
                ChatMessage.user("Name a colour.")), 256);

        assertEquals(tree("""
                {"systemInstruction":{"parts":[{"text":"Be brief."},{"text":"Use English."}]},
                 "contents":[{"role":"user","parts":[{"text":"Hi"}]},
                             {"role":"model","parts":[{"text":"Hello."}]},
                             {"role":"user","parts":[{"text":"Name a colour."}]}],
                 "generationConfig":{"maxOutputTokens":256}}"""), body(request));
    }

    @Test
    void blankTextSendsNoPartAndATurnLeftEmptyIsDroppedSoItsNeighboursJoin() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(new ChatMessage("system", ""), ChatMessage.user("Hi"),
                new ChatMessage("assistant", ""), ChatMessage.user("Still there?"), new ChatMessage("assistant", " \n"),
                ChatMessage.user("Hello?"), new ChatMessage("assistant", " ", List.of(WEATHER_CALL), null),
                new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "call_1"), new ChatMessage("assistant", ""),
                ChatMessage.user("Thanks")), 100);

        JsonNode body = body(request);

        assertNull(body.get("systemInstruction"));
        assertEquals(tree("""
                [{"role":"user","parts":[{"text":"Hi"},{"text":"Still there?"},{"text":"Hello?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"temp_c":3}}},
                                         {"text":"Thanks"}]}]"""), body.get("contents"));
    }

    @Test
    void consecutiveUserTurnsWithTextStaySeparateAsBefore() throws IOException {
        assertEquals(tree("""
                [{"role":"user","parts":[{"text":"One."}]},{"role":"user","parts":[{"text":"Two."}]}]"""),
                body(new ChatRequest("m", List.of(ChatMessage.user("One."), ChatMessage.user("Two.")), 5)).get("contents"));
    }

    @Test
    void aConversationWithNoTurnLeftIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> MAPPER.body(new ChatRequest("m",
                List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("")), 5)));
    }

    @Test
    void withoutSystemTurnsThereIsNoSystemInstruction() throws IOException {
        assertNull(body(new ChatRequest("m", List.of(ChatMessage.user("Hi")), 5)).get("systemInstruction"));
    }

    @Test
    void temperatureIsSentOnlyWhenSetIncludingZero() throws IOException {
        List<ChatMessage> hi = List.of(ChatMessage.user("Hi"));

        assertEquals(tree("{\"maxOutputTokens\":10,\"temperature\":0.7}"),
                body(new ChatRequest("m", hi, 10, 0.7, List.of())).get("generationConfig"));
        JsonNode cold = body(new ChatRequest("m", hi, 10, 0.0, List.of())).get("generationConfig");
        assertTrue(cold.get("temperature").isNumber(), "0 is a temperature, not an absent one");
        assertEquals(0.0, cold.get("temperature").getDoubleValue(), 0.0);
        assertNull(body(new ChatRequest("m", hi, 10)).get("generationConfig").get("temperature"));
    }

    @Test
    void toolsAreOneToolOfFunctionDeclarationsWithParametersAsJsonSchema() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS),
                        new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}")));

        assertEquals(tree("""
                [{"functionDeclarations":[
                   {"name":"get_weather","description":"Current weather for a city","parametersJsonSchema":%s},
                   {"name":"get_local_time"}]}]""".formatted(WEATHER_PARAMETERS)), body(request).get("tools"));
    }

    @Test
    void jsonSchemaKeywordsOutsideOpenApisSubsetAreSentUntouched() throws IOException {
        String strict = """
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"city":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},
                 "required":["city"],"additionalProperties":false}""";
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_weather", "d", strict)));

        JsonNode declaration = body(request).get("tools").get(0).get("functionDeclarations").get(0);

        assertEquals(tree(strict), declaration.get("parametersJsonSchema"));
        assertNull(declaration.get("parameters"), "the two fields exclude each other");
    }

    @Test
    void onlyASchemaThatAdmitsNoArgumentIsLeftOut() throws IOException {
        String closedEmpty = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
        String freeFormMap = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}";
        String byReference = "{\"$ref\":\"#/$defs/q\",\"$defs\":{\"q\":{\"type\":\"object\"}}}";
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Go")), 100, null, List.of(
                new ToolDefinition("none", null, closedEmpty), new ToolDefinition("labels", null, freeFormMap),
                new ToolDefinition("query", null, byReference)));

        JsonNode declarations = body(request).get("tools").get(0).get("functionDeclarations");

        assertNull(declarations.get(0).get("parametersJsonSchema"));
        assertEquals(tree(freeFormMap), declarations.get(1).get("parametersJsonSchema"));
        assertEquals(tree(byReference), declarations.get(2).get("parametersJsonSchema"));
    }

    @Test
    void aToolChoiceOtherThanAutoIsAFunctionCallingMode() throws IOException {
        ChatRequest request = new ChatRequest("gemini-1.5-flash", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS)));

        assertNull(body(request).get("toolConfig"), "AUTO is Gemini's default");
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"),
                body(request.withToolChoice(ToolChoice.NONE)).get("toolConfig"));
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"ANY\"}}"),
                body(request.withToolChoice(ToolChoice.REQUIRED)).get("toolConfig"));
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_weather\"]}}"),
                body(request.withToolChoice(ToolChoice.function("get_weather"))).get("toolConfig"));
    }

    @Test
    void aStrictToolMakesAutoTheValidatedModeAndLeavesTheOtherModesAsTheyAre() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_local_time", null, "{\"type\":\"object\",\"properties\":{}}"),
                        new ToolDefinition("get_weather", null, WEATHER_PARAMETERS, true)));

        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"VALIDATED\"}}"), body(request).get("toolConfig"));
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"ANY\"}}"),
                body(request.withToolChoice(ToolChoice.REQUIRED)).get("toolConfig"), "ANY holds calls to their schemas");
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"),
                body(request.withToolChoice(ToolChoice.NONE)).get("toolConfig"));
        assertNull(body(request).get("tools").get(0).get("functionDeclarations").get(1).get("strict"),
                "a declaration has no such field");
    }

    @Test
    void oneCallAtATimeCannotBeSaidToGeminiSoAnotherDeploymentMayTakeIt() throws IOException {
        ChatRequest request = new ChatRequest("gemini-1.5-flash", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_weather", "Current weather for a city", WEATHER_PARAMETERS)));

        assertThrows(IllegalArgumentException.class, () -> body(request.withToolChoice(ToolChoice.AUTO.oneCallAtATime())));
        assertEquals(tree("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"),
                body(request.withToolChoice(ToolChoice.NONE.oneCallAtATime())).get("toolConfig"), "no call to hold");
        assertNull(body(new ChatRequest("gemini-1.5-flash", List.of(ChatMessage.user("Hi")), 100)
                .withToolChoice(ToolChoice.AUTO.oneCallAtATime())).get("tools"), "no tools, nothing to hold");
    }

    @Test
    void aJsonAnswerIsAskedForByMimeTypeAndASchemaGoesAsFullJsonSchema() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Weather?")), 100);
        String schema = "{\"type\":\"object\",\"properties\":{\"celsius\":{\"type\":\"number\"}},"
                + "\"additionalProperties\":false}";

        JsonNode object = body(request.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.JSON_OBJECT)))
                .get("generationConfig");
        JsonNode schemed = body(request.withOptions(new GenerationOptions(null, List.of(),
                ResponseFormat.jsonSchema("weather", schema, true, null)))).get("generationConfig");

        assertEquals("application/json", object.get("responseMimeType").getStringValue());
        assertNull(object.get("responseJsonSchema"));
        assertEquals("application/json", schemed.get("responseMimeType").getStringValue());
        assertEquals(tree(schema), schemed.get("responseJsonSchema"));
        assertNull(schemed.get("responseSchema"), "the OpenAPI subset would refuse additionalProperties");
        assertNull(body(request).get("generationConfig").get("responseMimeType"));
        JsonNode schemaless = body(request.withOptions(new GenerationOptions(null, List.of(),
                ResponseFormat.jsonSchema("any", null, null, null)))).get("generationConfig");
        assertEquals("application/json", schemaless.get("responseMimeType").getStringValue());
        assertNull(schemaless.get("responseJsonSchema"), "no schema: the mime type alone");
    }

    @Test
    void toolsWithAJsonAnswerAreRefusedBeforeSendingSinceGeminiRefusesThem() {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Weather?")), 100, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}")))
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.JSON_OBJECT));

        assertThrows(IllegalArgumentException.class, () -> body(request));
    }

    @Test
    void topPAndStopSequencesGoInTheGenerationConfig() throws IOException {
        ChatRequest request = new ChatRequest("gemini-1.5-flash", List.of(ChatMessage.user("Hi")), 100)
                .withOptions(new GenerationOptions(0.0, List.of("END")));

        JsonNode generation = body(request).get("generationConfig");

        assertEquals(0.0, generation.get("topP").getDoubleValue(), "0 is a value, not absent");
        assertEquals(tree("[\"END\"]"), generation.get("stopSequences"));
    }

    @Test
    void aSeedGoesInTheGenerationConfigAsItsLow32BitsWhichGeminiTakes() throws IOException {
        ChatRequest request = new ChatRequest("gemini-1.5-flash", List.of(ChatMessage.user("Hi")), 100);

        assertEquals(42, body(request.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, 42L)))
                .get("generationConfig").get("seed").getIntValue());
        assertEquals(1, body(request.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT,
                (1L << 32) + 1))).get("generationConfig").get("seed").getIntValue(), "the same seed each time");
        assertNull(body(request).get("generationConfig").get("seed"));
    }

    @Test
    void aReasoningEffortIsTheThinkingBudgetGooglesOpenAiEndpointGivesIt() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Hi")), 65_536);
        Map<ReasoningEffort, Integer> budgets = Map.of(ReasoningEffort.NONE, 0, ReasoningEffort.MINIMAL, 1024,
                ReasoningEffort.LOW, 1024, ReasoningEffort.MEDIUM, 8192, ReasoningEffort.HIGH, 24576);

        for (Map.Entry<ReasoningEffort, Integer> budget : budgets.entrySet()) {
            assertEquals(tree("{\"thinkingBudget\":" + budget.getValue() + "}"), body(request.withOptions(
                    new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, budget.getKey())))
                    .get("generationConfig").get("thinkingConfig"), budget.getKey().name());
        }
        IllegalArgumentException xhigh = assertThrows(IllegalArgumentException.class, () -> body(request.withOptions(
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.XHIGH))));
        assertTrue(xhigh.getMessage().contains("xhigh"), xhigh.getMessage());
        assertNull(body(request).get("generationConfig").get("thinkingConfig"));
    }

    @Test
    void aThinkingBudgetLeavesTheAnswerAtLeastHalfOfMaxTokensSinceGeminiCountsThoughtsAgainstThem() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Hi")), 4096)
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.HIGH));

        JsonNode generation = body(request).get("generationConfig");

        assertEquals(2048, generation.get("thinkingConfig").get("thinkingBudget").getIntValue());
        assertEquals(4096, generation.get("maxOutputTokens").getIntValue(), "the caller's budget stays the whole");
    }

    @Test
    void penaltiesGoInTheGenerationConfigOnlyWhenNotZero() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("Hi")), 100);

        JsonNode generation = body(request.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                null, new Penalties(0.5, -1.25)))).get("generationConfig");

        assertEquals(0.5, generation.get("presencePenalty").getDoubleValue());
        assertEquals(-1.25, generation.get("frequencyPenalty").getDoubleValue());
        assertNull(body(request.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                new Penalties(0, 0.5)))).get("generationConfig").get("presencePenalty"));
    }

    @Test
    void noToolsMeansNoToolsField() throws IOException {
        assertNull(body(new ChatRequest("m", List.of(ChatMessage.user("Hi")), 5)).get("tools"));
    }

    @Test
    void toolCallsAreFunctionCallPartsAndToolResultsAreFunctionResponsesNamedAfterTheCall() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(
                ChatMessage.user("Weather and time in Oslo?"),
                new ChatMessage("assistant", "", List.of(WEATHER_CALL, TIME_CALL), null),
                new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "call_1"),
                new ChatMessage("tool", "14:05", List.of(), "call_2"),
                new ChatMessage("assistant", "3 degrees at 14:05."),
                ChatMessage.user("Thanks")), 100);

        assertEquals(tree("""
                [{"role":"user","parts":[{"text":"Weather and time in Oslo?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}},
                                          {"functionCall":{"name":"get_local_time","args":{"timezone":"Europe/Oslo"}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"temp_c":3}}},
                                         {"functionResponse":{"name":"get_local_time","response":{"content":"14:05"}}}]},
                 {"role":"model","parts":[{"text":"3 degrees at 14:05."}]},
                 {"role":"user","parts":[{"text":"Thanks"}]}]"""), body(request).get("contents"));
    }

    @Test
    void anAssistantTurnKeepsItsTextBeforeItsCallsAndEmptyArgumentsAreAnEmptyObject() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Time?"),
                new ChatMessage("assistant", "Checking.", List.of(new ToolCall("c", "now", "")), null)), 10);

        assertEquals(tree("""
                {"role":"model","parts":[{"text":"Checking."},{"functionCall":{"name":"now","args":{}}}]}"""),
                body(request).get("contents").get(1));
    }

    @Test
    void toolResultsThatAreNotAJsonObjectAreWrappedAsContent() throws IOException {
        for (String result : List.of("[1,2]", "42", "\"quoted\"", "{\"a\":1} trailing", "not json")) {
            ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("go"),
                    new ChatMessage("assistant", "", List.of(WEATHER_CALL), null),
                    new ChatMessage("tool", result, List.of(), "call_1")), 10);

            JsonNode response = body(request).get("contents").get(2).get("parts").get(0).get("functionResponse").get("response");

            assertEquals(result, response.get("content").getStringValue(), result);
        }
    }

    @Test
    void aReusedCallIdIsNamedAfterTheLatestCallThatUsedIt() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("go"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c", "first", "{}")), null),
                new ChatMessage("tool", "{}", List.of(), "c"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c", "second", "{}")), null),
                new ChatMessage("tool", "{}", List.of(), "c")), 10);

        assertEquals("second", body(request).get("contents").get(4).get("parts").get(0)
                .get("functionResponse").get("name").getStringValue());
    }

    @Test
    void aToolResultForAnUnknownCallIsRefused() {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("go"),
                new ChatMessage("tool", "{}", List.of(), "call_unknown")), 10);

        assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request));
    }

    @Test
    void callArgumentsAndToolParametersThatAreNotJsonObjectsAreRefused() {
        ChatRequest badArguments = new ChatRequest("m", List.of(ChatMessage.user("go"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c", "f", "[1]")), null)), 10);
        assertThrows(IllegalArgumentException.class, () -> MAPPER.body(badArguments));
        for (String parameters : List.of("{\"type\": \"object\", ", "{\"type\":\"object\"} {}", "[]")) {
            ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 10, null,
                    List.of(new ToolDefinition("broken", "d", parameters)));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request), parameters);
            assertTrue(e.getMessage().contains("broken"), e.getMessage());
        }
    }

    @Test
    void theBodyIsUtf8Json() throws IOException {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Grüße \"quoted\" 🌍\nnew line")), 10);

        assertEquals("Grüße \"quoted\" 🌍\nnew line",
                body(request).get("contents").get(0).get("parts").get(0).get("text").getStringValue());
    }

    @Test
    void theEndUserIsNotSentForGeminiHasNoFieldForIt() throws IOException {
        ChatRequest request = new ChatRequest("gemini-2.0-flash", List.of(ChatMessage.user("Hi")), 16, null,
                List.of(), null, "user-1234");

        JsonNode body = body(request);

        assertEquals(tree("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"generationConfig":{"maxOutputTokens":16}}"""),
                body);
    }
}
