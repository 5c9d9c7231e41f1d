package dev.switchboard.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamContractTest;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A local OpenAI-compatible server (Ollama, vLLM, llama.cpp) at a base URL ending in /v1, and an
 * Azure-style deployment URL template: same wire format, different paths and auth headers.
 */
class OpenAiCompatibleAdapterTest extends UpstreamContractTest {

    @Override
    protected ChatProvider provider(URI baseUrl, HttpAdapterSupport support) {
        return new OpenAiChatAdapter(PROVIDER, "openai-compatible", new OpenAiEndpoint(baseUrl + "/v1", true), support,
                OpenAiAdapterTest.JSON);
    }

    @Override
    protected FakeUpstream.Whole success() {
        return FakeUpstream.Reply.json(200, OpenAiAdapterTest.fixture("completion-text.json"));
    }

    @Override
    protected String successText() {
        return "Paris is the capital of France.";
    }

    @Override
    protected List<String> streamPieces() {
        return OpenAiAdapterTest.ssePieces(OpenAiAdapterTest.fixture("stream-text.sse"));
    }

    @Override
    protected String streamText() {
        return "The sky looks blue because of Rayleigh scattering.";
    }

    // vLLM's error shape: message, type and code at the top level.
    @Override
    protected FakeUpstream.Whole error(int status, String message) {
        return FakeUpstream.Reply.json(status, "{\"object\":\"error\",\"message\":\"" + message
                + "\",\"type\":\"BadRequestError\",\"param\":null,\"code\":" + status + "}");
    }

    @Override
    protected FakeUpstream.Whole contextTooLong(String message) {
        return FakeUpstream.Reply.json(400, "{\"object\":\"error\",\"message\":\"This model's maximum context length is "
                + "4096 tokens. " + message + "\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
    }

    @Override
    protected void assertAuthenticated(FakeUpstream.Recorded request, String key) {
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer " + key, request.header("Authorization"));
    }

    @Test
    void llamaCppsContextSizeErrorIsContextTooLong() {
        ProviderException e = failure(FakeUpstream.Reply.json(400,
                OpenAiAdapterTest.fixture("error-400-llamacpp-context-size.json")));

        assertEquals(Kind.CONTEXT_TOO_LONG, e.kind());
        assertTrue(e.getMessage().contains("exceed_context_size_error"), e.getMessage());
        // The same wording without the type, as other llama.cpp builds send it.
        assertEquals(Kind.CONTEXT_TOO_LONG, failure(FakeUpstream.Reply.json(400, "{\"error\":{\"code\":400,\"message\":\""
                + "the request exceeds the available context size\",\"type\":\"invalid_request_error\"}}")).kind());
    }

    @Override
    protected boolean requiresKey() {
        return false;
    }

    @Test
    void aLocalServerWithoutAKeyGetsNoAuthorizationHeaderAndTheMaxTokensField() throws Exception {
        HttpAdapterSupport base = support(Duration.ofSeconds(5));
        HttpAdapterSupport keyless = new HttpAdapterSupport(base.http(), base.failures(),
                new EnvironmentApiKeySource(Map.of()), base.timeouts(), base.tokens(), base.clock());
        upstream.enqueue(success());
        provider(upstream.baseUri(), keyless).complete(request());
        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertNull(sent.header("Authorization"));
        assertEquals(64, OpenAiAdapterTest.JSON.readValue(sent.body(), Map.class).get("max_tokens"));
    }

    @Test
    void aCompatibleServerIsNeverSentOpenAisPromptCacheHints() throws Exception {
        upstream.enqueue(success());
        provider().complete(request().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                Penalties.NONE, new PromptCacheHint("agent-7", "24h"))));
        Map<?, ?> body = OpenAiAdapterTest.JSON.readValue(upstream.onlyRequest().body(), Map.class);
        assertNull(body.get("prompt_cache_key"));
        assertNull(body.get("prompt_cache_retention"));
    }

    @Test
    void aServerConfiguredForMaxCompletionTokensGetsTheBudgetThereAndNoMaxTokens() throws Exception {
        ChatProvider reasoning = new OpenAiCompatibleAdapterFactory(support(Duration.ofSeconds(5)), OpenAiAdapterTest.JSON)
                .create(new ProviderConfig(PROVIDER, "openai-compatible", upstream.baseUri() + "/v1", List.of(), null, false,
                        null, "max_completion_tokens"));
        upstream.enqueue(success());

        reasoning.complete(request());

        Map<?, ?> body = OpenAiAdapterTest.JSON.readValue(upstream.onlyRequest().body(), Map.class);
        assertEquals(request().maxTokens(), body.get("max_completion_tokens"));
        assertNull(body.get("max_tokens"), "an Azure reasoning deployment refuses max_tokens");
    }

    @Test
    void anAzureStyleTemplateNamesTheDeploymentAndSendsAnApiKeyHeader() {
        String template = upstream.baseUri() + "/openai/deployments/{model}/chat/completions?api-version=2024-10-21";
        ChatProvider azure = new OpenAiChatAdapter(PROVIDER, "openai-compatible", new OpenAiEndpoint(template, true),
                support(Duration.ofSeconds(5)), OpenAiAdapterTest.JSON);
        upstream.enqueue(success());
        azure.complete(request());
        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("/openai/deployments/test-model/chat/completions", sent.path());
        assertEquals("api-version=2024-10-21", sent.query());
        assertEquals(CANARY_KEY, sent.header("api-key"));
        assertNull(sent.header("Authorization"));
    }
}
