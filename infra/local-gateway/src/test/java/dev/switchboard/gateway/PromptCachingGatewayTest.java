package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider with {@code prompt-caching: true} in the providers file marks each request's prefix for its prompt
 * cache (Anthropic's cache_control, Converse's cache points); one without it sends what it always did.
 */
class PromptCachingGatewayTest {

    private static final String CONVERSATION = "\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
            + "{\"role\":\"user\",\"content\":\"Which contract?\"},{\"role\":\"assistant\",\"content\":\"The lease.\"},"
            + "{\"role\":\"user\",\"content\":\"When does it renew?\"}]";

    @TempDir
    static Path data;

    private static FakeUpstream cachedClaude;
    private static FakeUpstream plainClaude;
    private static FakeUpstream bedrock;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        cachedClaude = FakeUpstream.start();
        plainClaude = FakeUpstream.start();
        bedrock = FakeUpstream.start();
        gateway = FakeProviders.start(data, Map.of("SWITCHBOARD_STATE_STORE", "memory"), "sk-prompt-caching-test",
                caching(FakeProviders.provider("cachedclaude", "anthropic", cachedClaude.baseUri().toString(),
                        "claude-sonnet-4-5", 5, "streaming: true")),
                FakeProviders.provider("plainclaude", "anthropic", plainClaude.baseUri().toString(), "claude-haiku-4-5", 5,
                        "streaming: true"),
                caching(FakeProviders.provider("cachedbedrock", "bedrock", bedrock.baseUri().toString(),
                        "anthropic.claude-sonnet-4-5-v1:0", 5, "streaming: true")));
        json = gateway.context().getBean(JsonMapper.class);
    }

    private static String caching(String provider) {
        return provider.replace("    base-url:", "    prompt-caching: true\n    base-url:");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(cachedClaude, plainClaude, bedrock).forEach(FakeUpstream::close);
    }

    @Test
    void anAnthropicProviderWithPromptCachingMarksTheSystemPromptAndTheLastTurn() throws Exception {
        cachedClaude.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));

        HttpResponse<String> response = post("claude-sonnet-4-5");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, cachedClaude);
        assertEquals("ephemeral", sent.get("system").get(0).get("cache_control").get("type").getStringValue());
        for (int turn : new int[] {0, 2}) {
            assertEquals("ephemeral", sent.get("messages").get(turn).get("content").get(0).get("cache_control").get("type")
                    .getStringValue(), "turn " + turn);
        }
        assertNull(sent.get("messages").get(1).get("content").get(0).get("cache_control"), "the assistant's turn");
    }

    @Test
    void anAnthropicProviderWithoutItSendsNoMarks() throws Exception {
        plainClaude.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));

        HttpResponse<String> response = post("claude-haiku-4-5");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, plainClaude);
        assertEquals("Answer briefly.", sent.get("system").getStringValue());
        assertNull(sent.get("messages").get(0).get("content").get(0).get("cache_control"));
    }

    @Test
    void aBedrockProviderWithPromptCachingSendsCachePointsAndCountsTheCacheWriteAsInput() throws Exception {
        bedrock.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("bedrock/converse-cache-write.json")));

        HttpResponse<String> response = post("anthropic.claude-sonnet-4-5-v1:0");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = GatewayCalls.lastBody(json, bedrock);
        assertEquals("default", sent.get("system").get(1).get("cachePoint").get("type").getStringValue());
        for (int turn : new int[] {0, 2}) {
            assertEquals("default", sent.get("messages").get(turn).get("content").get(1).get("cachePoint").get("type")
                    .getStringValue(), "turn " + turn);
        }
        assertEquals(1, sent.get("messages").get(1).get("content").size(), "the assistant's turn");
        JsonNode usage = json.readValue(response.body(), JsonNode.class).get("usage");
        assertEquals(1825, usage.get("prompt_tokens").getIntValue(), "the 1,800 tokens written to the cache count as input");
        assertTrue(response.body().contains("cachedbedrock"), response.body());
    }

    @Test
    void providersSaysWhichProvidersMarkTheirPrompts() throws Exception {
        HttpResponse<String> response = GatewayCalls.get(gateway, "/providers", null);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Boolean> caching = new java.util.TreeMap<>();
        json.readValue(response.body(), JsonNode.class).get("providers").values().forEach(p ->
                caching.put(p.get("name").getStringValue(), p.get("prompt_caching").getBooleanValue()));
        assertEquals(Map.of("cachedbedrock", true, "cachedclaude", true, "plainclaude", false), caching);
    }

    private static HttpResponse<String> post(String model) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"" + model + "\"," + CONVERSATION + "}");
    }
}
