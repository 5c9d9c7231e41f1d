package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.bedrock.BedrockFixtures;
import dev.switchboard.provider.bedrock.EventStreamFrames;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One gateway, one fake upstream per wire protocol (OpenAI, an OpenAI-compatible server, Anthropic,
 * Gemini, Bedrock), each answering with its protocol's documented stream: "stream": true on
 * /v1/chat/completions relays every one of them as OpenAI chunks. Then three deployments whose
 * first two fail in different ways answer from the third, with fallback_used and both failures in
 * the routing metadata.
 */
class ProtocolsGatewayTest {

    static final String KEY = "sk-protocols-test-key";

    @TempDir
    static Path data;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, FakeUpstream> UPSTREAMS = new LinkedHashMap<>();
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        for (String name : List.of("openai", "compat", "anthropic", "gemini", "bedrock", "chain1", "chain2",
                "chain3")) {
            UPSTREAMS.put(name, FakeUpstream.start());
        }
        Path config = data.resolve("providers.yml");
        Files.writeString(config, String.join("\n",
                "providers:",
                provider("fakeopenai", "openai", UPSTREAMS.get("openai").baseUri().toString(), "gpt-4o-mini", "economy"),
                provider("fakecompat", "openai-compatible", UPSTREAMS.get("compat").baseUri() + "/v1", "llama3",
                        "economy"),
                provider("fakeanthropic", "anthropic", UPSTREAMS.get("anthropic").baseUri().toString(),
                        "claude-3-5-haiku-20241022", "standard"),
                provider("fakegemini", "gemini", UPSTREAMS.get("gemini").baseUri().toString(), "gemini-1.5-flash",
                        "economy"),
                provider("fakebedrock", "bedrock", UPSTREAMS.get("bedrock").baseUri().toString(),
                        "anthropic.claude-3-haiku-20240307-v1:0", "economy"),
                provider("chain1", "openai", UPSTREAMS.get("chain1").baseUri().toString(), "chain-model", "economy"),
                provider("chain2", "anthropic", UPSTREAMS.get("chain2").baseUri().toString(), "chain-model",
                        "economy"),
                provider("chain3", "gemini", UPSTREAMS.get("chain3").baseUri().toString(), "chain-model", "economy"),
                ""));
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                        "SWITCHBOARD_DATA_DIR", data.resolve("gw").toString())),
                Map.of("switchboard.config", config.toString(), "test.api-key", KEY,
                        // Retries still happen, without making the test wait 100 + 200 + 400 ms.
                        "switchboard.resilience.backoff-base", "1ms",
                        "switchboard.dynamodb.api-call-timeout", "15s"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    private static String provider(String name, String protocol, String baseUrl, String model, String tier) {
        return String.join("\n",
                "  - name: " + name,
                "    protocol: " + protocol,
                "    base-url: " + baseUrl,
                "    deployments:",
                "      - {model: \"" + model + "\", tier: " + tier + ", rpm: 100, tpm: 100000,",
                "         capabilities: {context-length: 128000, tools: true, streaming: true}}");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        UPSTREAMS.values().forEach(FakeUpstream::close);
    }

    static Stream<Arguments> protocols() throws IOException {
        String sky = "The sky looks blue because of Rayleigh scattering.";
        return Stream.of(
                Arguments.of("openai", "gpt-4o-mini", sse("openai/stream-text.sse"), sky),
                Arguments.of("compat", "llama3", sse("openai/stream-text.sse"), sky),
                Arguments.of("anthropic", "claude-3-5-haiku-20241022", sse("anthropic/stream-text.sse"), sky),
                Arguments.of("gemini", "gemini-1.5-flash", sse("gemini/stream-text.sse"), sky),
                Arguments.of("bedrock", "anthropic.claude-3-haiku-20240307-v1:0",
                        FakeUpstream.Reply.binary(EventStreamFrames.CONTENT_TYPE,
                                BedrockFixtures.frames("stream-text.events"), true),
                        "Hello from Bedrock."));
    }

    private static FakeUpstream.Reply sse(String fixture) throws IOException {
        return FakeUpstream.Reply.stream("text/event-stream",
                ChatCompletionsGatewayTest.ssePieces(ChatCompletionsGatewayTest.fixture(fixture)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void streamsThroughTheGatewayForEveryProtocol(String upstream, String model, FakeUpstream.Reply reply,
                                                  String expected) throws Exception {
        UPSTREAMS.get(upstream).enqueue(reply);
        HttpResponse<String> response = post("{\"model\":\"" + model + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = ChatCompletionsGatewayTest.dataLines(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1), response.body());
        StringBuilder text = new StringBuilder();
        String finish = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode choice = json.readValue(event, JsonNode.class).get("choices").get(0);
            JsonNode content = choice.get("delta").get("content");
            if (content != null) {
                text.append(content.getStringValue());
            }
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").getStringValue();
            }
        }
        assertEquals(expected, text.toString());
        assertEquals("stop", finish);
        assertFalse(UPSTREAMS.get(upstream).requests().isEmpty());
    }

    @Test
    void aChainOfThreeWhoseFirstTwoFailDifferentlyAnswersFromTheThird() throws Exception {
        List<String> order = rankedProvidersOf("chain-model");
        assertEquals(3, order.size(), order.toString());
        // First: our key is refused (401, not retried). Second: the connection is reset on every
        // try (retried, then given up). Third answers.
        scriptFor(order.get(0)).enqueue(FakeUpstream.Reply.json(401, "{\"error\":{\"type\":\"authentication_error\"}}"));
        scriptFor(order.get(1)).enqueue(FakeUpstream.Reply.reset(), FakeUpstream.Reply.reset(),
                FakeUpstream.Reply.reset(), FakeUpstream.Reply.reset());
        scriptFor(order.get(2)).enqueue(success(order.get(2)));

        HttpResponse<String> response = post("{\"model\":\"chain-model\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readValue(response.body(), JsonNode.class);
        JsonNode gatewayFields = body.get("switchboard");
        assertEquals(order.get(2), gatewayFields.get("provider").getStringValue());
        JsonNode metadata = gatewayFields.get("routing_metadata");
        assertTrue(metadata.get("fallback_used").getBooleanValue(), response.body());
        assertTrue(metadata.get("ledger_recorded").getBooleanValue(), "the answer is in the ledger");
        List<String> attempted = new ArrayList<>();
        metadata.get("attempted").values().forEach(a -> attempted.add(a.getStringValue()));
        assertEquals(List.of(order.get(0) + "/chain-model (unauthorized)", order.get(1) + "/chain-model (unavailable)"),
                attempted);
        assertEquals(4, scriptFor(order.get(1)).requests().size(), "the reset deployment is retried 3 times");
        assertFalse(response.body().contains(KEY));
    }

    @Test
    void aGeminiCallsThoughtSignatureReachesTheCallerAndGoesBackToGeminiWithTheCall() throws Exception {
        FakeUpstream gemini = UPSTREAMS.get("gemini");
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"get_local_time\"}}]";
        gemini.enqueue(FakeUpstream.Reply.json(200,
                ChatCompletionsGatewayTest.fixture("gemini/generate-function-calls-signed.json")));

        HttpResponse<String> first = post("{\"model\":\"gemini-1.5-flash\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather and time in Oslo?\"}]}");

        assertEquals(200, first.statusCode(), first.body());
        JsonNode message = json.readValue(first.body(), JsonNode.class).get("choices").get(0).get("message");
        JsonNode calls = message.get("tool_calls");
        assertEquals("CiQBVKhc7tFixtureSignatureOneAbc/+Q==",
                calls.get(0).get("extra_content").get("google").get("thought_signature").getStringValue());
        assertEquals(null, calls.get(1).get("extra_content"), "a call without a signature carries no extra_content");

        // The answer's message sent back as it came, as OpenAI's SDKs send it, with both results.
        gemini.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("gemini/generate-text.json")));
        int before = gemini.requests().size();
        HttpResponse<String> second = post("{\"model\":\"gemini-1.5-flash\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather and time in Oslo?\"},"
                + json.writeValueAsString(message) + ","
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + calls.get(0).get("id").getStringValue() + "\",\"content\":\"3C\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + calls.get(1).get("id").getStringValue() + "\",\"content\":\"14:05\"}]}");

        assertEquals(200, second.statusCode(), second.body());
        JsonNode parts = json.readValue(gemini.requests().get(before).body(), JsonNode.class)
                .get("contents").get(1).get("parts");
        assertEquals("CiQBVKhc7tFixtureSignatureOneAbc/+Q==", parts.get(0).get("thoughtSignature").getStringValue());
        assertEquals(null, parts.get(1).get("thoughtSignature"));
    }

    private static List<String> rankedProvidersOf(String model) throws Exception {
        HttpResponse<String> decision = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address()
                + "/routing/decision?prompt=hi&allow=" + model)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, decision.statusCode(), decision.body());
        List<String> providers = new ArrayList<>();
        json.readValue(decision.body(), JsonNode.class).get("metadata").get("candidates").values()
                .forEach(c -> providers.add(c.get("provider").getStringValue()));
        return providers;
    }

    private static FakeUpstream scriptFor(String provider) {
        return UPSTREAMS.get(provider);
    }

    /** The answering deployment's own protocol's success body. */
    private static FakeUpstream.Reply success(String provider) throws IOException {
        String fixture = switch (provider) {
            case "chain1" -> "openai/completion-text.json";
            case "chain2" -> "anthropic/message-text.json";
            default -> "gemini/generate-text.json";
        };
        return FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture(fixture));
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null, body);
    }
}
