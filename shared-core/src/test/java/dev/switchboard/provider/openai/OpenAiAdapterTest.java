package dev.switchboard.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamContractTest;
import dev.switchboard.testsupport.WireFixtures;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAI's Chat Completions against a fake api.openai.com speaking the documented wire format. */
class OpenAiAdapterTest extends UpstreamContractTest {

    static final JsonMapper JSON = JsonMapper.createDefault();

    @Override
    protected ChatProvider provider(URI baseUrl, HttpAdapterSupport support) {
        return new OpenAiChatAdapter(PROVIDER, "openai", new OpenAiEndpoint(baseUrl.toString(), false), support, JSON);
    }

    @Override
    protected FakeUpstream.Whole success() {
        return FakeUpstream.Reply.json(200, fixture("completion-text.json"));
    }

    @Override
    protected String successText() {
        return "Paris is the capital of France.";
    }

    @Override
    protected List<String> streamPieces() {
        return ssePieces(fixture("stream-text.sse"));
    }

    @Override
    protected String streamText() {
        return "The sky looks blue because of Rayleigh scattering.";
    }

    @Override
    protected FakeUpstream.Whole error(int status, String message) {
        String type = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
        return FakeUpstream.Reply.json(status, errorJson(message, type, status == 401 ? "invalid_api_key" : null));
    }

    @Override
    protected FakeUpstream.Whole contextTooLong(String message) {
        return FakeUpstream.Reply.json(400, errorJson(message, "invalid_request_error", "context_length_exceeded"));
    }

    @Override
    protected void assertAuthenticated(FakeUpstream.Recorded request, String key) {
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer " + key, request.header("Authorization"));
    }

    @Test
    void sendsTheMappedBodyWithTheCompletionBudgetOpenAiWants() throws Exception {
        upstream.enqueue(success());
        provider().complete(request());
        Map<?, ?> body = JSON.readValue(upstream.onlyRequest().body(), Map.class);
        assertEquals("test-model", body.get("model"));
        assertEquals(64, body.get("max_completion_tokens"));
        assertEquals(2, ((List<?>) body.get("messages")).size());
    }

    @Test
    void openAiItselfIsSentThePromptCacheHints() throws Exception {
        upstream.enqueue(success());
        provider().complete(request().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                Penalties.NONE, new PromptCacheHint("agent-7", "24h"))));
        Map<?, ?> body = JSON.readValue(upstream.onlyRequest().body(), Map.class);
        assertEquals("agent-7", body.get("prompt_cache_key"));
        assertEquals("24h", body.get("prompt_cache_retention"));
    }

    @Test
    void toolParametersThatAreNotOneJsonValueAreUnsupportedBeforeAnythingIsSent() {
        ChatRequest trailing = new ChatRequest("test-model", List.of(ChatMessage.user("Hi")), 10, null,
                List.of(new ToolDefinition("lookup", null, "{\"type\":\"object\"} trailing")));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(trailing));

        assertSafe(e);
        assertEquals(ProviderException.Kind.UNSUPPORTED, e.kind());
        assertTrue(upstream.requests().isEmpty());
    }

    @Test
    void jsonObjectWithoutJsonInTheMessagesIsUnsupportedBeforeAnythingIsSent() {
        ChatRequest silent = new ChatRequest("test-model", List.of(ChatMessage.user("Name a city")), 10)
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.JSON_OBJECT));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(silent));

        assertEquals(ProviderException.Kind.UNSUPPORTED, e.kind(), "another deployment may take it");
        assertTrue(upstream.requests().isEmpty());
        upstream.enqueue(success());
        provider().complete(new ChatRequest("test-model", List.of(ChatMessage.user("Name a city, in Json")), 10)
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.JSON_OBJECT)));
        assertEquals(1, upstream.requests().size(), "a message that mentions JSON goes");
    }

    @Test
    void aQuotaExhaustedAccountIsUnauthorizedNotARateLimitThoughSentAs429() {
        ProviderException e = failure(FakeUpstream.Reply.json(429, fixture("error-429-insufficient-quota.json"))
                .header("Retry-After", "1"));

        assertEquals(ProviderException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(429, e.status());
        assertFalse(e.retryable(), "no wait brings credit back");
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
        assertTrue(e.getMessage().contains("insufficient_quota"), e.getMessage());
        // OpenAI sends the hard limit as a 400 and an inactive billing account as a 429.
        assertEquals(ProviderException.Kind.UNAUTHORIZED, failure(FakeUpstream.Reply.json(400,
                errorJson(upstreamText("billing"), "invalid_request_error", "billing_hard_limit_reached"))).kind());
        assertEquals(ProviderException.Kind.UNAUTHORIZED, failure(FakeUpstream.Reply.json(429,
                errorJson(upstreamText("billing"), "billing_not_active", "billing_not_active"))).kind());
        assertEquals(ProviderException.Kind.RATE_LIMITED,
                failure(FakeUpstream.Reply.json(429, fixture("error-429.json"))).kind());
    }

    @Test
    void aParameterTheModelRefusesIsUnsupportedSoAnotherDeploymentMayTakeTheRequest() {
        ProviderException e = failure(FakeUpstream.Reply.json(400, fixture("error-400-unsupported-value.json")));

        assertEquals(ProviderException.Kind.UNSUPPORTED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertFalse(e.retryable());
        assertFalse(e.breakerFailure(), "the deployment is not down");
        assertTrue(e.getMessage().contains("unsupported_value"), e.getMessage());
        assertEquals(ProviderException.Kind.UNSUPPORTED, failure(FakeUpstream.Reply.json(400,
                errorJson(upstreamText("max_tokens"), "invalid_request_error", "unsupported_parameter"))).kind());
    }

    static String errorJson(String message, String type, String code) {
        try {
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("message", message);
            error.put("type", type);
            error.put("param", null);
            error.put("code", code);
            return JSON.writeValueAsString(Map.of("error", error));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String fixture(String name) {
        return WireFixtures.text("openai", name);
    }

    static List<String> ssePieces(String sse) {
        return WireFixtures.ssePieces(sse);
    }
}
