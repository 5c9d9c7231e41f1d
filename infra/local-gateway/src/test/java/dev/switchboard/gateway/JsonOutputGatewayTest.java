package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * response_format through the gateway: a JSON request reaches only deployments with the json capability,
 * and each protocol's upstream is asked for JSON in its own words.
 */
class JsonOutputGatewayTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"],\"additionalProperties\":false}";
    private static final String JSON_SCHEMA = "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
            + "{\"name\":\"place\",\"strict\":true,\"schema\":" + SCHEMA + "}}";

    @TempDir
    static Path data;

    private static FakeUpstream openai;
    private static FakeUpstream gemini;
    private static FakeUpstream anthropic;
    private static FakeUpstream claude;
    private static FakeUpstream bedrock;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start();
        gemini = FakeUpstream.start();
        anthropic = FakeUpstream.start();
        claude = FakeUpstream.start();
        bedrock = FakeUpstream.start();
        // Gemini ranks before OpenAI (cheaper, higher priority), so that skipping it can be seen; the
        // structured-output Claude before both (priced cheapest here), for the same reason.
        gateway = FakeProviders.start(data, "sk-json-test",
                provider("jsonopenai", "openai", openai.baseUri().toString(), "gpt-4o-mini", true, 0),
                provider("jsongemini", "gemini", gemini.baseUri().toString(), "gemini-1.5-flash", true, 10),
                provider("textanthropic", "anthropic", anthropic.baseUri().toString(), "claude-3-5-haiku-20241022",
                        false, 5),
                FakeProviders.pricedProvider("jsonclaude", "anthropic", claude.baseUri().toString(), "claude-haiku-4-5",
                        "economy", 10, "0.01", "0.02", "tools: true, streaming: true, json: true"),
                provider("jsonbedrock", "bedrock", bedrock.baseUri().toString(), "anthropic.claude-sonnet-4-5-v1:0",
                        true, 0));
        json = gateway.context().getBean(JsonMapper.class);
    }

    private static String provider(String name, String protocol, String baseUrl, String model, boolean jsonOutput,
                                   int priority) {
        return FakeProviders.provider(name, protocol, baseUrl, model, priority,
                "tools: true, streaming: true, json: " + jsonOutput);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(openai, gemini, anthropic, claude, bedrock).forEach(FakeUpstream::close);
    }

    @Test
    void openAiIsSentTheResponseFormatAsTheCallerGaveIt() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\"," + JSON_SCHEMA
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Where is the Eiffel tower? (openai)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, openai);
        JsonNode format = sent.get("response_format");
        assertEquals("json_schema", format.get("type").getStringValue());
        assertEquals("place", format.get("json_schema").get("name").getStringValue());
        assertTrue(format.get("json_schema").get("strict").getBooleanValue());
        assertEquals(json.readValue(SCHEMA, JsonNode.class), format.get("json_schema").get("schema"));
    }

    /** What the caller's code wants back: openai-java derives the schema from this class. */
    public static class Place {
        @JsonProperty("city")
        public String city;
    }

    @Test
    void theOpenAiSdksStructuredOutputRoundTripsThroughTheGateway() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")
                .replace("\"Paris is the capital of France.\"", "\"{\\\"city\\\": \\\"Paris\\\"}\"")));
        OpenAIClient sdk = SdkClients.of(gateway, "unused-while-authentication-is-off");

        StructuredChatCompletion<Place> completion = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Where is the Eiffel tower? (sdk)").responseFormat(Place.class)
                .build());

        assertEquals("Paris", completion.choices().get(0).message().content().orElseThrow().city);
        JsonNode format = GatewayCalls.lastBody(json, openai)
                .get("response_format");
        assertEquals("json_schema", format.get("type").getStringValue());
        assertTrue(format.get("json_schema").get("schema").get("properties").get("city") != null, format.toString());
    }

    @Test
    void geminiIsAskedForJsonByMimeTypeWithTheSchemaAsJsonSchema() throws Exception {
        gemini.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("gemini/generate-text.json")));

        HttpResponse<String> response = post("{\"model\":\"gemini-1.5-flash\"," + JSON_SCHEMA
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Where is the Eiffel tower? (gemini)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode generation = GatewayCalls.lastBody(json, gemini).get("generationConfig");
        assertEquals("application/json", generation.get("responseMimeType").getStringValue());
        assertEquals(json.readValue(SCHEMA, JsonNode.class), generation.get("responseJsonSchema"));
    }

    @Test
    void toolsWithJsonSkipGeminiWhichRefusesThemTogetherForTheNextCandidate() throws Exception {
        int geminiCalls = gemini.requests().size();
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"auto\",\"allow\":[\"jsongemini\",\"jsonopenai\"],"
                + "\"response_format\":{\"type\":\"json_object\"},\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON (tools)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("jsonopenai", json.readValue(response.body(), JsonNode.class).get("switchboard").get("provider")
                .getStringValue(), response.body());
        assertEquals(geminiCalls, gemini.requests().size(), "nothing was sent to Gemini");
        assertTrue(response.body().contains("jsongemini/gemini-1.5-flash (unsupported)"),
                "Gemini ranked first and was skipped: " + response.body());
    }

    @Test
    void aDeploymentWithoutJsonOutputIsNeverOfferedAJsonRequestAndSaysWhy() throws Exception {
        int anthropicCalls = anthropic.requests().size();

        HttpResponse<String> pinned = post("{\"model\":\"claude-3-5-haiku-20241022\","
                + "\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON\"}]}");
        HttpResponse<String> decision = GatewayCalls.get(gateway, "/routing/decision?prompt=hi&requires=json", null);

        assertEquals(422, pinned.statusCode(), pinned.body());
        assertTrue(pinned.body().contains("does not support JSON output (capability json)"), pinned.body());
        assertEquals(anthropicCalls, anthropic.requests().size(), "nothing was sent upstream");
        assertEquals(200, decision.statusCode(), decision.body());
        JsonNode metadata = json.readValue(decision.body(), JsonNode.class).get("metadata");
        List<String> candidates = new ArrayList<>();
        metadata.get("candidates").values().forEach(c -> candidates.add(c.get("provider").getStringValue()));
        assertFalse(candidates.contains("textanthropic"), candidates.toString());
        assertEquals(4, candidates.size(), candidates.toString());
        assertTrue(decision.body().contains("does not support JSON output"), decision.body());
    }

    @Test
    void aTextRequestStillReachesEveryDeploymentAndCarriesNoFormat() throws Exception {
        anthropic.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));

        HttpResponse<String> response = post("{\"model\":\"claude-3-5-haiku-20241022\","
                + "\"response_format\":{\"type\":\"text\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi (text)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, anthropic);
        assertNull(sent.get("response_format"));
        assertNull(sent.get("output_config"));
    }

    @Test
    void anthropicIsAskedForTheSchemaThroughItsStructuredOutputs() throws Exception {
        claude.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));

        HttpResponse<String> response = post("{\"model\":\"claude-haiku-4-5\"," + JSON_SCHEMA
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Where is the Eiffel tower? (claude)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, claude);
        assertEquals("json_schema", sent.get("output_config").get("format").get("type").getStringValue());
        assertEquals(json.readValue(SCHEMA, JsonNode.class), sent.get("output_config").get("format").get("schema"));
        assertNull(sent.get("response_format"));
    }

    @Test
    void jsonWithoutASchemaSkipsAnthropicWhichHasNoSuchModeForTheNextCandidate() throws Exception {
        int claudeCalls = claude.requests().size();
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"auto\",\"allow\":[\"jsonclaude\",\"jsonopenai\"],"
                + "\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON (object)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("jsonopenai", provider(response), response.body());
        assertEquals(claudeCalls, claude.requests().size(), "nothing was sent to Anthropic");
        assertTrue(response.body().contains("jsonclaude/claude-haiku-4-5 (unsupported)"),
                "Claude ranked first and was skipped: " + response.body());
    }

    @Test
    void jsonWithoutASchemaPinnedToAnthropicIsTheCallers422NotAnOutage() throws Exception {
        int claudeCalls = claude.requests().size();

        HttpResponse<String> response = post("{\"model\":\"claude-haiku-4-5\",\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON (pinned)\"}]}");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("jsonclaude/claude-haiku-4-5 (unsupported)"), response.body());
        assertEquals(claudeCalls, claude.requests().size(), "nothing was sent to Anthropic");
    }

    @Test
    void aSchemaAnthropicRefusesFallsBackToTheNextCandidateInsteadOfFailingTheRequest() throws Exception {
        claude.enqueue(FakeUpstream.Reply.json(400, ChatCompletionsGatewayTest.fixture("anthropic/error-400-output-format.json")));
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"auto\",\"allow\":[\"jsonclaude\",\"jsonopenai\"],"
                + JSON_SCHEMA + ",\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON (refused)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("jsonopenai", provider(response), response.body());
        assertTrue(response.body().contains("jsonclaude/claude-haiku-4-5 (unsupported)"), response.body());
    }

    @Test
    void bedrockIsAskedForTheSchemaThroughConversesStructuredOutputs() throws Exception {
        bedrock.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("bedrock/converse-text.json")));

        HttpResponse<String> response = post("{\"model\":\"anthropic.claude-sonnet-4-5-v1:0\"," + JSON_SCHEMA
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Where is the Eiffel tower? (bedrock)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode format = GatewayCalls.lastBody(json, bedrock).get("outputConfig").get("textFormat");
        assertEquals("json_schema", format.get("type").getStringValue());
        JsonNode schema = format.get("structure").get("jsonSchema");
        assertEquals("place", schema.get("name").getStringValue());
        assertEquals(json.readValue(SCHEMA, JsonNode.class), json.readValue(schema.get("schema").getStringValue(),
                JsonNode.class), "the schema as JSON text");
    }

    @Test
    void jsonWithoutASchemaPinnedToBedrockIsTheCallers422WithNothingSent() throws Exception {
        int bedrockCalls = bedrock.requests().size();

        HttpResponse<String> response = post("{\"model\":\"anthropic.claude-sonnet-4-5-v1:0\","
                + "\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON (bedrock pinned)\"}]}");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("jsonbedrock/anthropic.claude-sonnet-4-5-v1:0 (unsupported)"), response.body());
        assertEquals(bedrockCalls, bedrock.requests().size(), "nothing was sent to Bedrock");
    }

    private static String provider(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), JsonNode.class).get("switchboard").get("provider").getStringValue();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null, body);
    }
}
