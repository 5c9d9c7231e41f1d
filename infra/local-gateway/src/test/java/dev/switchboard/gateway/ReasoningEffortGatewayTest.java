package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * reasoning_effort through the gateway: it reaches only deployments with the reasoning capability, as
 * OpenAI's reasoning_effort or Gemini's thinking budget, and an effort Gemini has no budget for moves on.
 */
class ReasoningEffortGatewayTest {

    @TempDir
    static Path data;

    private static FakeUpstream openai;
    private static FakeUpstream gemini;
    private static FakeUpstream plain;
    private static FakeUpstream claude;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start();
        gemini = FakeUpstream.start();
        plain = FakeUpstream.start();
        claude = FakeUpstream.start();
        // Gemini is priced cheapest and preferred, so that skipping it can be seen; Claude dearest.
        gateway = FakeProviders.start(data, "sk-reasoning-test",
                provider("thinkopenai", "openai", openai, "o4-mini", 0, "1.1", "4.4", true),
                provider("thinkgemini", "gemini", gemini, "gemini-2.5-flash", 10, "0.3", "2.5", true),
                provider("plainopenai", "openai", plain, "gpt-4o-mini", 5, "0.15", "0.6", false),
                provider("thinkclaude", "anthropic", claude, "claude-sonnet-4-5", 0, "3", "15", true));
        json = gateway.context().getBean(JsonMapper.class);
    }

    private static String provider(String name, String protocol, FakeUpstream upstream, String model, int priority,
                                   String input, String output, boolean reasoning) {
        return FakeProviders.pricedProvider(name, protocol, upstream.baseUri().toString(), model, "premium", priority,
                input, output, "tools: true, reasoning: " + reasoning);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(openai, gemini, plain, claude).forEach(FakeUpstream::close);
    }

    @Test
    void openAiIsSentTheEffortAsTheCallerGaveIt() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"o4-mini\",\"reasoning_effort\":\"high\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Prove there are infinitely many primes\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("high", sent(openai).get("reasoning_effort").getStringValue());
    }

    @Test
    void geminiIsGivenTheThinkingBudgetForTheEffort() throws Exception {
        gemini.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("gemini/generate-text.json")));

        HttpResponse<String> response = post("{\"model\":\"gemini-2.5-flash\",\"reasoning_effort\":\"low\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Is 91 prime?\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1024, sent(gemini).get("generationConfig").get("thinkingConfig").get("thinkingBudget").getIntValue());
        assertNull(sent(gemini).get("reasoning_effort"));
    }

    @Test
    void claudeIsGivenAThinkingBudgetAndNoTemperature() throws Exception {
        claude.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));

        HttpResponse<String> response = post("{\"model\":\"claude-sonnet-4-5\",\"reasoning_effort\":\"medium\","
                + "\"max_tokens\":8000,\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Is 97 prime?\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = sent(claude);
        assertEquals("enabled", sent.get("thinking").get("type").getStringValue());
        assertEquals(2048, sent.get("thinking").get("budget_tokens").getIntValue());
        assertNull(sent.get("temperature"));
    }

    @Test
    void aTemperatureClaudeCannotThinkAtIsTheCallers422WhenOnlyClaudeMayAnswer() throws Exception {
        int claudeCalls = claude.requests().size();

        HttpResponse<String> response = post("{\"model\":\"claude-sonnet-4-5\",\"reasoning_effort\":\"low\","
                + "\"max_tokens\":8000,\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":\"Is 91 prime?\"}]}");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("thinkclaude/claude-sonnet-4-5 (unsupported)"), response.body());
        assertEquals(claudeCalls, claude.requests().size(), "nothing was sent to Anthropic");
    }

    @Test
    void anEffortGeminiHasNoBudgetForSkipsItForTheNextCandidate() throws Exception {
        int geminiCalls = gemini.requests().size();
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> response = post("{\"model\":\"auto\",\"reasoning_effort\":\"xhigh\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("thinkopenai", json.readValue(response.body(), JsonNode.class).get("switchboard").get("provider")
                .getStringValue(), response.body());
        assertEquals(geminiCalls, gemini.requests().size(), "nothing was sent to Gemini");
        assertTrue(response.body().contains("thinkgemini/gemini-2.5-flash (unsupported)"),
                "Gemini ranked first and was skipped: " + response.body());
        assertEquals("xhigh", sent(openai).get("reasoning_effort").getStringValue());
    }

    @Test
    void aDeploymentWithoutReasoningIsNeverOfferedAnEffortAndSaysWhy() throws Exception {
        int plainCalls = plain.requests().size();

        HttpResponse<String> pinned = post("{\"model\":\"gpt-4o-mini\",\"reasoning_effort\":\"medium\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Think hard\"}]}");
        HttpResponse<String> decision = GatewayCalls.get(gateway, "/routing/decision?prompt=hi&requires=reasoning", null);

        assertEquals(422, pinned.statusCode(), pinned.body());
        assertTrue(pinned.body().contains("does not take a reasoning effort (capability reasoning)"), pinned.body());
        assertEquals(plainCalls, plain.requests().size(), "nothing was sent upstream");
        assertEquals(200, decision.statusCode(), decision.body());
        List<String> candidates = new ArrayList<>();
        json.readValue(decision.body(), JsonNode.class).get("metadata").get("candidates").values()
                .forEach(c -> candidates.add(c.get("provider").getStringValue()));
        assertEquals(List.of("thinkclaude", "thinkgemini", "thinkopenai"), candidates.stream().sorted().toList(),
                decision.body());
    }

    @Test
    void providersSayWhichDeploymentsTakeAnEffort() throws Exception {
        HttpResponse<String> response = GatewayCalls.get(gateway, "/providers", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode providers = json.readValue(response.body(), JsonNode.class);
        assertTrue(deployment(providers, "thinkopenai").get("reasoning").getBooleanValue());
        assertFalse(deployment(providers, "plainopenai").get("reasoning").getBooleanValue());
    }

    @Test
    void anEffortThatIsNotOpenAisIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = post("{\"reasoning_effort\":\"extreme\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Think\"}]}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("reasoning_effort", json.readValue(response.body(), JsonNode.class).get("error").get("field")
                .getStringValue());
    }

    private static JsonNode deployment(JsonNode providers, String name) {
        for (JsonNode provider : providers.get("providers").values()) {
            if (provider.get("name").getStringValue().equals(name)) {
                return provider.get("deployments").get(0);
            }
        }
        throw new AssertionError(name + " not listed: " + providers);
    }

    private static JsonNode sent(FakeUpstream upstream) throws IOException {
        return GatewayCalls.lastBody(json, upstream);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null, body);
    }
}
