package dev.switchboard.gateway;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing headers over real HTTP: on /complete and /v1/chat/completions answered whole, on a
 * stream (sent with the status, before the first event), on a cache hit, and x-request-id on an
 * error once a request id was assigned.
 */
class RoutingHeadersGatewayTest {

    private static final List<String> ROUTING = List.of("x-switchboard-provider", "x-switchboard-model",
            "x-switchboard-strategy", "x-switchboard-fallbacks", "x-switchboard-cache", "x-switchboard-overhead-ms");

    @TempDir
    static Path data;

    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        Path config = data.resolve("providers.yml");
        Files.writeString(config, String.join("\n",
                "providers:",
                "  - name: gemini",
                "    protocol: simulated",
                "    simulation: {latency-ms: 0, failure-rate: 0.0, seed: 42}",
                "    deployments:",
                "      - {model: gemini-1.5-flash, tier: economy, rpm: 2000, tpm: 4000000,",
                "         capabilities: {context-length: 1048576, streaming: true}}",
                "  - name: openai",
                "    protocol: simulated",
                "    simulation: {latency-ms: 0, failure-rate: 0.0, seed: 43}",
                "    deployments:",
                "      - {model: gpt-4o, tier: premium, rpm: 5000, tpm: 800000,",
                "         capabilities: {context-length: 128000, streaming: true}}",
                ""));
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                "SWITCHBOARD_DATA_DIR", data.resolve("gw").toString())),
                Map.of("switchboard.config", config.toString(), "switchboard.dynamodb.api-call-timeout", "15s"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aWholeCompleteAnswerCarriesItsRoutingAndTheSameRequestTwiceIsACacheHit() throws Exception {
        String prompt = "What is Python? (headers, complete)";
        HttpResponse<String> first = post("/complete", "{\"prompt\": \"" + prompt + "\"}");
        HttpResponse<String> second = post("/complete", "{\"prompt\": \"" + prompt + "\"}");

        assertEquals(200, first.statusCode(), first.body());
        JsonNode body = json.readValue(first.body(), JsonNode.class);
        HttpHeaders h = first.headers();
        assertEquals(body.get("routing_metadata").get("request_id").getStringValue(), h.firstValue("x-request-id")
                .orElseThrow());
        assertEquals(body.get("provider").getStringValue(), h.firstValue("x-switchboard-provider").orElseThrow());
        assertEquals(body.get("model").getStringValue(), h.firstValue("x-switchboard-model").orElseThrow());
        assertEquals(body.get("strategy_used").getStringValue(), h.firstValue("x-switchboard-strategy").orElseThrow());
        assertEquals("0", h.firstValue("x-switchboard-fallbacks").orElseThrow());
        assertEquals("miss", h.firstValue("x-switchboard-cache").orElseThrow());
        long overhead = Long.parseLong(h.firstValue("x-switchboard-overhead-ms").orElseThrow());
        assertTrue(overhead >= 0, "overhead " + overhead);
        assertNoPromptIn(h, prompt);

        assertEquals(200, second.statusCode(), second.body());
        assertTrue(json.readValue(second.body(), JsonNode.class).get("cache_hit").getBooleanValue());
        assertEquals("hit", second.headers().firstValue("x-switchboard-cache").orElseThrow());
        assertEquals(body.get("provider").getStringValue(),
                second.headers().firstValue("x-switchboard-provider").orElseThrow());
        assertNotEquals(h.firstValue("x-request-id"), second.headers().firstValue("x-request-id"));
    }

    @Test
    void aWholeChatCompletionCarriesItsRouting() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi there (headers, chat)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readValue(response.body(), JsonNode.class);
        HttpHeaders h = response.headers();
        assertEquals(body.get("id").getStringValue(), "chatcmpl-" + h.firstValue("x-request-id").orElseThrow());
        assertEquals(body.get("switchboard").get("provider").getStringValue(),
                h.firstValue("x-switchboard-provider").orElseThrow());
        assertEquals(body.get("switchboard").get("strategy_used").getStringValue(),
                h.firstValue("x-switchboard-strategy").orElseThrow());
        assertEquals("miss", h.firstValue("x-switchboard-cache").orElseThrow());
        ROUTING.forEach(name -> assertTrue(h.firstValue(name).isPresent(), name));
    }

    @Test
    void aStreamSendsTheRoutingOfTheDeploymentStreamingWithItsFirstEvent() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\": \"auto\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Tell me a story (headers, stream)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        HttpHeaders h = response.headers();
        assertTrue(h.firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String> events = ChatCompletionsGatewayTest.dataLines(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        JsonNode firstChunk = json.readValue(events.get(0), JsonNode.class);
        assertEquals(firstChunk.get("id").getStringValue(), "chatcmpl-" + h.firstValue("x-request-id").orElseThrow());
        assertEquals(firstChunk.get("model").getStringValue(), h.firstValue("x-switchboard-model").orElseThrow());
        assertEquals("0", h.firstValue("x-switchboard-fallbacks").orElseThrow());
        assertEquals("bypass", h.firstValue("x-switchboard-cache").orElseThrow(), "streams never use the cache");
        ROUTING.forEach(name -> assertTrue(h.firstValue(name).isPresent(), name));
    }

    @Test
    void anErrorCarriesTheRequestIdOnceOneWasAssignedAndNoRouting() throws Exception {
        HttpResponse<String> unknownModel = post("/v1/chat/completions",
                "{\"model\": \"gpt-9\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
        HttpResponse<String> malformed = post("/complete", "{\"prompt\": 5}");

        assertEquals(404, unknownModel.statusCode(), unknownModel.body());
        assertTrue(unknownModel.headers().firstValue("x-request-id").orElse("").matches("[0-9a-f-]{36}"),
                unknownModel.headers().map().toString());
        ROUTING.forEach(name -> assertFalse(unknownModel.headers().firstValue(name).isPresent(), name));
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertFalse(malformed.headers().firstValue("x-request-id").isPresent(),
                "refused before the service assigned an id");
    }

    private static void assertNoPromptIn(HttpHeaders headers, String prompt) {
        headers.map().forEach((name, values) -> values.forEach(value ->
                assertFalse(value.contains("Python"), name + ": " + value + " must not carry " + prompt)));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return GatewayCalls.post(gateway, path, null, body);
    }
}
