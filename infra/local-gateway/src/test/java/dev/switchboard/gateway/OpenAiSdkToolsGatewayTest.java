package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI Java SDK's tool loop through the local gateway: tools it declares reach the provider,
 * the tool calls come back as its typed objects (whole and streamed), and the conversation it
 * sends back (its own assistant message, then tool results) is accepted. Also how its typed 400
 * reads the gateway's error.
 */
class OpenAiSdkToolsGatewayTest {

    @TempDir
    static Path data;

    private static FakeUpstream openai;
    private static LocalGateway gateway;
    private static OpenAIClient sdk;

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start();
        Path config = data.resolve("providers.yml");
        Files.writeString(config, String.join("\n",
                "providers:",
                "  - name: fakeopenai",
                "    protocol: openai",
                "    base-url: " + openai.baseUri(),
                "    deployments:",
                "      - {model: gpt-4o-mini, tier: economy, rpm: 100, tpm: 100000,",
                "         capabilities: {context-length: 128000, tools: true, streaming: true}}",
                ""));
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                        "SWITCHBOARD_DATA_DIR", data.resolve("gw").toString())),
                Map.of("switchboard.config", config.toString(), "test.api-key", "sk-sdk-tools-key",
                        "switchboard.dynamodb.api-call-timeout", "15s"));
        sdk = SdkClients.of(gateway, "unused-while-authentication-is-off");
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        openai.close();
    }

    @Test
    void toolCallsComeBackTypedAndTheSdksToolResultsGoBackUpstream() {
        ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("What is the weather in Oslo right now?").addTool(weatherTool()).build();
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-tool-calls.json")));
        int before = openai.requests().size();

        ChatCompletion calls = sdk.chat().completions().create(ask);

        calls.validate();
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, calls.choices().get(0).finishReason());
        ChatCompletionMessage message = calls.choices().get(0).message();
        List<ChatCompletionMessageToolCall> toolCalls = message.toolCalls().orElseThrow();
        assertEquals(2, toolCalls.size());
        ChatCompletionMessageFunctionToolCall weather = toolCalls.get(0).asFunction();
        assertEquals("call_weather_oslo", weather.id());
        assertEquals("get_weather", weather.function().name());
        assertEquals("{\"city\":\"Oslo\",\"unit\":\"celsius\"}", weather.function().arguments());
        assertTrue(openai.requests().get(before).body().contains("\"get_weather\""), "the tool reached the provider");

        // What an SDK user sends next: the assistant's message as it came, then one result per call.
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));
        ChatCompletion answer = sdk.chat().completions().create(ask.toBuilder().addMessage(message)
                .addMessage(toolResult("call_weather_oslo", "12 C, light rain"))
                .addMessage(toolResult("call_time_oslo", "10:00")).build());

        assertEquals(ChatCompletion.Choice.FinishReason.STOP, answer.choices().get(0).finishReason());
        String sentUpstream = openai.requests().get(before + 1).body();
        assertTrue(sentUpstream.contains("\"tool_call_id\":\"call_time_oslo\"") && sentUpstream.contains("12 C, light rain"),
                sentUpstream);
    }

    @Test
    void theSdksParallelToolCallsFalseReachesTheProvider() {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));
        int before = openai.requests().size();

        sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Weather in Oslo, one call at a time?").addTool(weatherTool())
                .parallelToolCalls(false).build());

        assertTrue(openai.requests().get(before).body().contains("\"parallel_tool_calls\":false"),
                openai.requests().get(before).body());
    }

    @Test
    void theSdksStrictFunctionReachesTheProviderStrict() throws IOException {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));
        int before = openai.requests().size();
        ChatCompletionFunctionTool loose = weatherTool();
        ChatCompletionFunctionTool strict = loose.toBuilder().function(loose.function().toBuilder().strict(true)
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                        .build()).build()).build();

        sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Weather in Oslo, arguments held to the schema?").addTool(strict).build());

        JsonNode function = gateway.context().getBean(JsonMapper.class).readValue(openai.requests().get(before).body(),
                JsonNode.class).get("tools").get(0).get("function");
        assertTrue(function.get("strict").getBooleanValue(), function.toString());
        assertFalse(function.get("parameters").get("additionalProperties").getBooleanValue(), function.toString());
    }

    @Test
    void streamedToolCallsAccumulateIntoTheSdksChatCompletion() {
        openai.enqueue(FakeUpstream.Reply.stream("text/event-stream", ChatCompletionsGatewayTest.ssePieces(
                ChatCompletionsGatewayTest.fixture("openai/stream-tool-calls.sse"))));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Weather in Oslo, streamed?")
                        .addTool(weatherTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion whole = accumulator.chatCompletion();
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, whole.choices().get(0).finishReason());
        List<ChatCompletionMessageToolCall> calls = whole.choices().get(0).message().toolCalls().orElseThrow();
        assertEquals(List.of("get_weather", "get_local_time"),
                calls.stream().map(c -> c.asFunction().function().name()).toList());
        assertEquals("{\"timezone\":\"Europe/Oslo\"}", calls.get(1).asFunction().function().arguments());
    }

    @Test
    void anOptionTheGatewayCannotHonourIsTheSdksBadRequestException() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> sdk.chat().completions().create(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("two answers").n(2).build()));

        assertEquals(400, refused.statusCode());
        assertEquals(Optional.of("invalid_request"), refused.type());
    }

    @Test
    void aBadRequestNamesItsFieldWhereTheSdkReadsIt() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> sdk.chat().completions().create(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("two answers").n(2).build()));

        assertEquals(Optional.of("n"), refused.param());
    }

    private static ChatCompletionFunctionTool weatherTool() {
        return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("The current weather in a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .build()).build();
    }

    private static ChatCompletionToolMessageParam toolResult(String callId, String content) {
        return ChatCompletionToolMessageParam.builder().toolCallId(callId).content(content).build();
    }
}
