package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
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
 * Provider options of the providers file through the gateway: {@code prompt-caching: true} marks each request's
 * prefix for the provider's prompt cache (Anthropic's cache_control, Converse's cache points), a provider
 * without it sends what it always did; a Bedrock provider's {@code guardrail} goes with its calls.
 */
class ProviderOptionsGatewayTest {

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
                        "anthropic.claude-sonnet-4-5-v1:0", 5, "streaming: true"))
                        .replace("    base-url:", "    guardrail: {id: gr7x2k9q4m1p, version: 3}\n    base-url:"));
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
        answered(cachedClaude, "anthropic/message-text.json", "claude-sonnet-4-5");

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
        answered(plainClaude, "anthropic/message-text.json", "claude-haiku-4-5");

        JsonNode sent = GatewayCalls.lastBody(json, plainClaude);
        assertEquals("Answer briefly.", sent.get("system").getStringValue());
        assertNull(sent.get("messages").get(0).get("content").get(0).get("cache_control"));
    }

    @Test
    void aBedrockProviderWithPromptCachingSendsCachePointsAndCountsTheCacheWriteAsInput() throws Exception {
        HttpResponse<String> response = answered(bedrock, "bedrock/converse-cache-write.json",
                "anthropic.claude-sonnet-4-5-v1:0");

        JsonNode sent = GatewayCalls.lastBody(json, bedrock);
        assertEquals("default", sent.get("system").get(1).get("cachePoint").get("type").getStringValue());
        for (int turn : new int[] {0, 2}) {
            assertEquals("default", sent.get("messages").get(turn).get("content").get(1).get("cachePoint").get("type")
                    .getStringValue(), "turn " + turn);
        }
        assertEquals(1, sent.get("messages").get(1).get("content").size(), "the assistant's turn");
        assertEquals("gr7x2k9q4m1p", sent.get("guardrailConfig").get("guardrailIdentifier").getStringValue());
        assertEquals("3", sent.get("guardrailConfig").get("guardrailVersion").getStringValue());
        JsonNode usage = json.readValue(response.body(), JsonNode.class).get("usage");
        assertEquals(1825, usage.get("prompt_tokens").getIntValue(), "the 1,800 tokens written to the cache count as input");
        assertTrue(response.body().contains("cachedbedrock"), response.body());
    }

    @Test
    void statsAndTheAnswerSayHowMuchOfTheInputTheProviderReadFromAndWroteToItsPromptCache() throws Exception {
        JsonNode before = cachedClaudeStats();

        cachedClaude.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));
        // A question of its own: the conversation the other tests send may be in the response cache.
        String request = "{\"model\":\"claude-sonnet-4-5\","
                + CONVERSATION.replace("When does it renew?", "Who signed it?") + "}";
        HttpResponse<String> response = GatewayCalls.post(gateway, "/v1/chat/completions", null, request);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode usage = json.readValue(response.body(), JsonNode.class).get("usage");
        assertEquals(2021, usage.get("prompt_tokens").getIntValue(), "21 fresh, 300 written, 1,700 read");
        assertEquals(1700, usage.get("prompt_tokens_details").get("cached_tokens").getIntValue());
        JsonNode after = cachedClaudeStats();
        assertEquals(2021, count(after, "tokens_in") - count(before, "tokens_in"));
        assertEquals(1700, count(after, "cached_tokens_in") - count(before, "cached_tokens_in"));
        assertEquals(300, count(after, "cache_write_tokens_in") - count(before, "cache_write_tokens_in"));

        int calls = cachedClaude.requests().size();
        HttpResponse<String> again = GatewayCalls.post(gateway, "/v1/chat/completions", null, request);

        assertEquals(200, again.statusCode(), again.body());
        assertEquals(calls, cachedClaude.requests().size(), "answered from the response cache");
        LedgerEntry hit = gateway.context().getBean(RequestLedger.class)
                .find(again.headers().firstValue("x-request-id").orElseThrow()).orElseThrow();
        assertTrue(hit.cacheHit());
        assertEquals(2021, hit.tokensIn(), "the cached answer's own count");
        assertEquals(0, hit.cachedTokensIn(), "no provider was called, so no prompt cache was read");
        assertEquals(0, hit.cacheWriteTokensIn());
    }

    @Test
    void aStreamedAnswersPromptCacheWriteIsLedgered() throws Exception {
        cachedClaude.enqueue(FakeUpstream.Reply.stream("text/event-stream",
                ChatCompletionsGatewayTest.ssePieces(ChatCompletionsGatewayTest.fixture("anthropic/stream-cache-write.sse"))));

        HttpResponse<String> response = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"claude-sonnet-4-5\",\"stream\":true,"
                        + CONVERSATION.replace("When does it renew?", "Which section sets the notice?") + "}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("the notice period"), response.body());
        LedgerEntry row = gateway.context().getBean(RequestLedger.class)
                .find(response.headers().firstValue("x-request-id").orElseThrow()).orElseThrow();
        assertEquals(2060, row.tokensIn(), "12 fresh and 2,048 written");
        assertEquals(2048, row.cacheWriteTokensIn());
        assertEquals(0, row.cachedTokensIn());
    }

    /** The cachedclaude row of /stats' by_provider, null before it answered anything. */
    private static JsonNode cachedClaudeStats() throws Exception {
        HttpResponse<String> stats = GatewayCalls.get(gateway, "/stats?days=1", null);
        assertEquals(200, stats.statusCode(), stats.body());
        for (JsonNode row : json.readValue(stats.body(), JsonNode.class).get("by_provider").values()) {
            if ("cachedclaude".equals(row.get("provider").getStringValue())) {
                return row;
            }
        }
        return null;
    }

    private static long count(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).getLongValue();
    }

    @Test
    void providersSaysWhichProvidersMarkTheirPromptsAndWhichHaveAGuardrail() throws Exception {
        HttpResponse<String> response = GatewayCalls.get(gateway, "/providers", null);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> options = new java.util.TreeMap<>();
        json.readValue(response.body(), JsonNode.class).get("providers").values().forEach(p ->
                options.put(p.get("name").getStringValue(), p.get("prompt_caching").getBooleanValue() + " "
                        + (p.get("guardrail") == null ? "none" : p.get("guardrail").getStringValue())));
        assertEquals(Map.of("cachedbedrock", "true gr7x2k9q4m1p:3", "cachedclaude", "true none",
                "plainclaude", "false none"), options);
    }

    /** The conversation sent pinned to {@code model}, whose upstream answers with {@code fixture}: a 200. */
    private static HttpResponse<String> answered(FakeUpstream upstream, String fixture, String model) throws Exception {
        upstream.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture(fixture)));
        HttpResponse<String> response = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"" + model + "\"," + CONVERSATION + "}");
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
