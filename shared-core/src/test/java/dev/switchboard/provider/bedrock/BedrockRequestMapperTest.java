package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** The unified request as Converse content blocks. */
class BedrockRequestMapperTest {

    private final BedrockRequestMapper mapper = new BedrockRequestMapper();
    /** Offered wherever a conversation holds tool turns, which would go as text without tools. */
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", null, "{\"type\":\"object\"}");

    @Test
    void systemTurnsBecomeSystemBlocksAndTheBudgetIsSentWithoutATemperature() {
        ConverseRequest request = mapper.converse(new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0",
                List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Hi"),
                        new ChatMessage("system", "Use English.")), 100));

        assertEquals("anthropic.claude-3-haiku-20240307-v1:0", request.modelId());
        assertEquals(List.of(SystemContentBlock.fromText("Be brief."), SystemContentBlock.fromText("Use English.")),
                request.system());
        assertEquals(List.of(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hi")).build()),
                request.messages());
        assertEquals(100, request.inferenceConfig().maxTokens());
        assertNull(request.inferenceConfig().temperature());
        assertNull(request.toolConfig());
    }

    @Test
    void consecutiveTurnsOfOneRoleAreMergedAndToolResultsGoInAUserMessage() {
        ChatRequest chat = new ChatRequest("m", List.of(
                ChatMessage.user("Weather in Oslo and Bergen?"),
                ChatMessage.user("Celsius please."),
                new ChatMessage("assistant", "", List.of(new ToolCall("t1", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("t2", "get_weather", "{\"city\":\"Bergen\",\"days\":2.50}")), null),
                new ChatMessage("tool", "4 C", List.of(), "t1"),
                new ChatMessage("tool", "7 C", List.of(), "t2")), 50, 0.3, List.of(WEATHER));

        ConverseStreamRequest request = mapper.converseStream(chat);

        assertEquals(List.of(
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Weather in Oslo and Bergen?"),
                        ContentBlock.fromText("Celsius please.")).build(),
                Message.builder().role(ConversationRole.ASSISTANT).content(
                        toolUse("t1", Document.mapBuilder().putString("city", "Oslo").build()),
                        toolUse("t2", Document.mapBuilder().putString("city", "Bergen")
                                .putNumber("days", "2.50").build())).build(),
                Message.builder().role(ConversationRole.USER).content(toolResult("t1", "4 C"), toolResult("t2", "7 C"))
                        .build()), request.messages());
        assertEquals(0.3f, request.inferenceConfig().temperature());
    }

    @Test
    void aTemperatureAboveConversesRangeIsClampedToOne() {
        ChatRequest hot = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, 1.7, List.of());

        assertEquals(1.0f, mapper.converse(hot).inferenceConfig().temperature());
        assertEquals(1.0f, mapper.converseStream(hot).inferenceConfig().temperature());
        assertEquals(1.0f, mapper.converse(new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, 1.0, List.of()))
                .inferenceConfig().temperature());
    }

    @Test
    void blankTextIsNotSentAndATurnLeftEmptyIsDroppedSoItsNeighboursMerge() {
        ChatRequest chat = new ChatRequest("m", List.of(new ChatMessage("system", " "), ChatMessage.user("Hi"),
                new ChatMessage("assistant", ""), ChatMessage.user("Still there?"), new ChatMessage("assistant", " \n"),
                ChatMessage.user("Hello?"),
                new ChatMessage("assistant", " ", List.of(new ToolCall("t1", "get_weather", "{}")), null)), 10, null,
                List.of(WEATHER));

        ConverseRequest request = mapper.converse(chat);

        assertTrue(request.system().isEmpty());
        assertEquals(List.of(
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hi"),
                        ContentBlock.fromText("Still there?"), ContentBlock.fromText("Hello?")).build(),
                Message.builder().role(ConversationRole.ASSISTANT).content(
                        toolUse("t1", Document.mapBuilder().build())).build()), request.messages());
        assertEquals(request.messages(), mapper.converseStream(chat).messages());
    }

    @Test
    void aConversationWithNoTurnLeftIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> mapper.converse(new ChatRequest("m",
                List.of(new ChatMessage("system", "Be brief."), ChatMessage.user(" ")), 10)));
    }

    @Test
    void toolsBecomeToolSpecsWithTheirSchemaAsADocument() {
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, null, List.of(
                new ToolDefinition("get_weather", "Current weather",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
                new ToolDefinition("now", null, "{\"type\":\"object\"}")));

        ConverseRequest request = mapper.converse(chat);

        var specs = request.toolConfig().tools().stream().map(tool -> tool.toolSpec()).toList();
        assertEquals("get_weather", specs.get(0).name());
        assertEquals("Current weather", specs.get(0).description());
        assertEquals("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}",
                JsonDocuments.text(specs.get(0).inputSchema().json()));
        assertNull(specs.get(1).description());
    }

    @Test
    void aStrictToolIsAStrictToolSpecAndALooseOneLeavesTheFlagOut() {
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, null, List.of(
                new ToolDefinition("get_weather", null, "{\"type\":\"object\"}", true), WEATHER));

        var specs = mapper.converse(chat).toolConfig().tools().stream().map(tool -> tool.toolSpec()).toList();

        assertEquals(Boolean.TRUE, specs.get(0).strict());
        assertNull(specs.get(1).strict(), "Converse's default");
    }

    @Test
    void oneCallAtATimeCannotBeSaidToConverseWhileToolsAreOffered() {
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}")));

        assertThrows(IllegalArgumentException.class, () -> mapper.converse(chat.withToolChoice(ToolChoice.AUTO.oneCallAtATime())));
        assertThrows(IllegalArgumentException.class,
                () -> mapper.converseStream(chat.withToolChoice(ToolChoice.REQUIRED.oneCallAtATime())));
        assertNull(mapper.converse(chat.withToolChoice(ToolChoice.NONE.oneCallAtATime())).toolConfig(),
                "no tools offered, no call to hold");
    }

    @Test
    void aToolChoiceIsConversesAnyOrToolAndNoneLeavesTheToolsOutWhereItCan() {
        List<ToolDefinition> weather = List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}"));
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10, null, weather);

        assertNull(mapper.converse(chat).toolConfig().toolChoice(), "auto is Converse's default");
        assertEquals(AnyToolChoice.builder().build(),
                mapper.converse(chat.withToolChoice(ToolChoice.REQUIRED)).toolConfig().toolChoice().any());
        assertEquals("get_weather", mapper.converseStream(chat.withToolChoice(ToolChoice.function("get_weather")))
                .toolConfig().toolChoice().tool().name());
        assertNull(mapper.converse(chat.withToolChoice(ToolChoice.NONE)).toolConfig(),
                "Converse has no \"none\": the tools are not offered");
        ChatRequest afterACall = new ChatRequest("m", List.of(ChatMessage.user("Hi"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c1", "get_weather", "{}")), null),
                new ChatMessage("tool", "18C", List.of(), "c1")), 10, null, weather).withToolChoice(ToolChoice.NONE);
        ConverseRequest told = mapper.converse(afterACall);
        assertNull(told.toolConfig(), "no tools offered, even after a call");
        assertEquals(List.of(ContentBlock.fromText("[called tool get_weather with {}]")), told.messages().get(1).content());
        assertEquals(List.of(ContentBlock.fromText("[tool get_weather returned: 18C]")), told.messages().get(2).content(),
                "Converse refuses tool blocks without tools: the history goes as text");
    }

    @Test
    void aHistoryOfToolCallsWithoutToolsGoesAsTextWhichConverseTakes() {
        ChatRequest summary = new ChatRequest("m", List.of(ChatMessage.user("Weather?"),
                new ChatMessage("assistant", "Let me look.", List.of(new ToolCall("c1", "get_weather",
                        "{\"city\":\"Oslo\"}")), null),
                new ChatMessage("tool", "18C", List.of(), "c1"), ChatMessage.user("Summarise this session")), 10);

        ConverseRequest request = mapper.converse(summary);

        assertNull(request.toolConfig());
        assertEquals(List.of(ContentBlock.fromText("Let me look.\n[called tool get_weather with {\"city\":\"Oslo\"}]")),
                request.messages().get(1).content());
        assertEquals(List.of(ContentBlock.fromText("[tool get_weather returned: 18C]"),
                ContentBlock.fromText("Summarise this session")), request.messages().get(2).content());
        assertTrue(request.messages().stream().flatMap(m -> m.content().stream())
                .allMatch(block -> block.toolUse() == null && block.toolResult() == null));
    }

    @Test
    void aJsonSchemaIsConversesStructuredOutputStreamedOrNot() {
        String schema = "{\"type\":\"object\",\"properties\":{\"celsius\":{\"type\":\"number\"}},\"required\":[\"celsius\"],"
                + "\"additionalProperties\":false}";
        ChatRequest chat = new ChatRequest("anthropic.claude-sonnet-4-5", List.of(ChatMessage.user("Weather?")), 50)
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.jsonSchema("weather", schema, true,
                        "Today's weather")));

        OutputConfig config = mapper.converse(chat).outputConfig();

        assertEquals(OutputFormatType.JSON_SCHEMA, config.textFormat().type());
        JsonSchemaDefinition definition = config.textFormat().structure().jsonSchema();
        assertEquals(schema, definition.schema(), "the schema as text, as given");
        assertEquals("weather", definition.name());
        assertEquals("Today's weather", definition.description());
        assertEquals(config, mapper.converseStream(chat).outputConfig());
        assertNull(mapper.converse(new ChatRequest("m", List.of(ChatMessage.user("Hi")), 50)).outputConfig(),
                "a text answer asks for nothing");
    }

    @Test
    void jsonWithoutASchemaIsRefusedBeforeSendingSinceConverseHasNoModeForIt() {
        ChatRequest chat = new ChatRequest("amazon.nova-lite-v1:0", List.of(ChatMessage.user("Hi")), 50);
        for (ResponseFormat format : List.of(ResponseFormat.JSON_OBJECT, ResponseFormat.jsonSchema("any", null, null, null))) {
            GenerationOptions options = new GenerationOptions(null, List.of(), format);
            assertThrows(IllegalArgumentException.class, () -> mapper.converse(chat.withOptions(options)));
            assertThrows(IllegalArgumentException.class, () -> mapper.converseStream(chat.withOptions(options)));
        }
    }

    @Test
    void aStopSequenceOfWhiteSpaceAloneIsRefusedForAnthropicsModelsOnly() {
        GenerationOptions newline = new GenerationOptions(null, List.of("\n"));

        assertThrows(IllegalArgumentException.class, () -> mapper.converse(new ChatRequest(
                "us.anthropic.claude-3-5-haiku-20241022-v1:0", List.of(ChatMessage.user("Hi")), 10).withOptions(newline)));
        assertEquals(List.of("\n"), mapper.converse(new ChatRequest("meta.llama3-1-8b-instruct-v1:0",
                List.of(ChatMessage.user("Hi")), 10).withOptions(newline)).inferenceConfig().stopSequences());
    }

    @Test
    void topPAndStopSequencesGoInTheInferenceConfig() {
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10)
                .withOptions(new GenerationOptions(0.25, List.of("END", "STOP")));

        var inference = mapper.converseStream(chat).inferenceConfig();

        assertEquals(0.25f, inference.topP());
        assertEquals(List.of("END", "STOP"), inference.stopSequences());
        assertNull(mapper.converse(new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10)).inferenceConfig().topP());
    }

    @Test
    void anAnthropicModelWithATemperatureGetsNoTopPWhileOtherModelsGetBoth() {
        GenerationOptions topP = new GenerationOptions(0.25, List.of());

        var claude = mapper.converse(new ChatRequest("us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                List.of(ChatMessage.user("Hi")), 10, 0.5, List.of()).withOptions(topP)).inferenceConfig();
        var llama = mapper.converse(new ChatRequest("meta.llama3-1-8b-instruct-v1:0",
                List.of(ChatMessage.user("Hi")), 10, 0.5, List.of()).withOptions(topP)).inferenceConfig();
        var claudeWithoutTemperature = mapper.converse(new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0",
                List.of(ChatMessage.user("Hi")), 10).withOptions(topP)).inferenceConfig();

        assertEquals(0.5f, claude.temperature());
        assertNull(claude.topP());
        assertEquals(0.25f, llama.topP());
        assertEquals(0.25f, claudeWithoutTemperature.topP());
    }

    @Test
    void toolSchemasAndArgumentsThatAreNotJsonAreRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> mapper.converse(new ChatRequest("m",
                List.of(ChatMessage.user("Hi")), 10, null, List.of(new ToolDefinition("t", null, "{\"a\":1} trailing")))));
        assertThrows(IllegalArgumentException.class, () -> mapper.converse(new ChatRequest("m", List.of(
                ChatMessage.user("Hi"), new ChatMessage("assistant", "", List.of(new ToolCall("t1", "f", "{oops")), null)),
                10, null, List.of(WEATHER))));
    }

    @Test
    void jsonTextSurvivesTheRoundTripThroughADocumentWithNumbersUnrounded() {
        String json = "{\"a\":[1,2.50,-3e5,12345678901234567890],\"b\":{\"c\":null,\"d\":true,\"e\":\"x\\\"y\"}}";
        assertEquals(json, JsonDocuments.text(JsonDocuments.parse(json, "test")));
    }

    private static ContentBlock toolUse(String id, Document input) {
        return ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId(id).name("get_weather").input(input).build());
    }

    private static ContentBlock toolResult(String id, String text) {
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(id)
                .content(ToolResultContentBlock.fromText(text)).build());
    }

    @Test
    void theEndUserIsNotSentForConverseHasNoFieldForIt() {
        ConverseRequest request = mapper.converse(new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0",
                List.of(ChatMessage.user("Hi")), 16, null, List.of(), null, "user-1234"));

        assertTrue(request.requestMetadata().isEmpty());
        assertFalse(request.toString().contains("user-1234"));
    }

    @Test
    void claude47AndLaterAreSentNoSamplingParameters() {
        ChatRequest chat = new ChatRequest("us.anthropic.claude-opus-4-7", List.of(ChatMessage.user("Why?")), 1000, 0.3,
                List.of()).withOptions(new GenerationOptions(0.9, List.of(), ResponseFormat.TEXT, null, null));

        ConverseRequest request = mapper.converse(chat);

        assertNull(request.inferenceConfig().temperature());
        assertNull(request.inferenceConfig().topP());
        assertEquals(0.3f, mapper.converse(new ChatRequest("anthropic.claude-opus-4-6-v1", chat.messages(), 1000, 0.3,
                List.of())).inferenceConfig().temperature(), "4.6 takes them");
    }

    @Test
    void claude46AndLaterThinkAdaptivelyWithTheirEffortInTheirOwnFields() {
        for (String model : List.of("us.anthropic.claude-opus-4-7", "anthropic.claude-opus-4-6-v1",
                "global.anthropic.claude-sonnet-4-6")) {
            ChatRequest chat = new ChatRequest(model, List.of(ChatMessage.user("Why?")), 1000, null, List.of())
                    .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.MEDIUM));

            ConverseRequest request = mapper.converse(chat);

            assertEquals(Document.mapBuilder()
                    .putDocument("thinking", Document.mapBuilder().putString("type", "adaptive").build())
                    .putDocument("output_config", Document.mapBuilder().putString("effort", "medium").build()).build(),
                    request.additionalModelRequestFields(), model);
        }
    }

    @Test
    void aReasoningEffortIsClaudesThinkingInItsOwnFieldsWithoutATemperatureStreamedOrNot() {
        ChatRequest chat = new ChatRequest("us.anthropic.claude-sonnet-4-5-v1:0", List.of(ChatMessage.user("Why?")),
                16_000, 1.0, List.of()).withOptions(new GenerationOptions(0.97, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.HIGH));

        ConverseRequest request = mapper.converse(chat);

        assertEquals(Document.mapBuilder().putDocument("thinking", Document.mapBuilder().putString("type", "enabled")
                .putNumber("budget_tokens", 4096).build()).build(), request.additionalModelRequestFields());
        assertNull(request.inferenceConfig().temperature(), "Claude thinks at its own temperature");
        assertEquals(0.97f, request.inferenceConfig().topP());
        assertEquals(request.additionalModelRequestFields(), mapper.converseStream(chat).additionalModelRequestFields());
        assertNull(mapper.converse(chat.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.NONE))).additionalModelRequestFields(), "none: no thinking, Claude's default");
    }

    @Test
    void claudeThinksAfterAToolCallingTurnWhenNoneSendsNoToolsAndTheHistoryGoesAsText() {
        List<ChatMessage> afterCalls = List.of(ChatMessage.user("Weather in Oslo?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("tooluse_1", "get_weather", "{\"city\":\"Oslo\"}")),
                        null), new ChatMessage("tool", "18C", List.of(), "tooluse_1"));
        GenerationOptions low = new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.LOW);
        ChatRequest offered = new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", afterCalls, 8000, null,
                List.of(WEATHER)).withOptions(low);

        assertThrows(IllegalArgumentException.class, () -> mapper.converse(offered),
                "offered tools: the last turn's thinking blocks would be missing");
        ConverseRequest none = mapper.converse(offered.withToolChoice(ToolChoice.NONE));
        assertNull(none.toolConfig());
        assertNotNull(none.additionalModelRequestFields());
    }

    @Test
    void whatClaudeCannotThinkWithAndAnEffortForAnotherModelAreRefusedBeforeSending() {
        GenerationOptions low = new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.LOW);
        ChatRequest cool = new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", List.of(ChatMessage.user("Why?")), 8000,
                0.2, List.of()).withOptions(low);
        ChatRequest nova = new ChatRequest("amazon.nova-pro-v1:0", List.of(ChatMessage.user("Why?")), 8000).withOptions(low);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> mapper.converse(cool)).getMessage()
                .contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mapper.converseStream(nova)).getMessage()
                .contains("Claude's models only"));
        assertNull(mapper.converse(nova.withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.NONE))).additionalModelRequestFields(), "none asks nothing of any model");
    }

    @Test
    void aReasoningEffortAndPenaltiesAreRefusedStreamedOrNot() {
        ChatRequest chat = new ChatRequest("m", List.of(ChatMessage.user("Hi")), 10);
        for (GenerationOptions options : List.of(
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.HIGH),
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null, new Penalties(0.5, 0)))) {
            String refused = assertThrows(IllegalArgumentException.class, () -> mapper.converse(chat.withOptions(options)))
                    .getMessage();
            assertEquals(refused, assertThrows(IllegalArgumentException.class,
                    () -> mapper.converseStream(chat.withOptions(options))).getMessage(), "streamed or not");
            assertTrue(refused.contains("reasoning") || refused.contains("penalty"), refused);
        }
    }
}
