package dev.switchboard.provider.anthropic;

import dev.switchboard.testsupport.VisibleChunks;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamContractTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Anthropic adapter against the wire-format contract, plus what is particular to Anthropic's wire. */
class AnthropicAdapterTest extends UpstreamContractTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Override
    protected ChatProvider provider(URI baseUrl, HttpAdapterSupport support) {
        return new AnthropicAdapterFactory(support, JSON)
                .create(new ProviderConfig(PROVIDER, "anthropic", baseUrl.toString(), List.of(), null));
    }

    @Override
    protected FakeUpstream.Whole success() {
        return FakeUpstream.Reply.json(200, AnthropicFixtures.text("message-text.json"));
    }

    @Override
    protected String successText() {
        return "Paris is the capital of France.";
    }

    @Override
    protected List<String> streamPieces() {
        return AnthropicFixtures.pieces("stream-text.sse");
    }

    @Override
    protected String streamText() {
        return "The sky looks blue because of Rayleigh scattering.";
    }

    /** Anthropic's own keep-alive, as its streams send it between events. */
    @Override
    protected String noChunkPiece() {
        return "event: ping\ndata: {\"type\": \"ping\"}\n\n";
    }

    @Override
    protected FakeUpstream.Whole error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> "api_error";
        };
        return FakeUpstream.Reply.json(status, errorBody(type, message));
    }

    @Override
    protected FakeUpstream.Whole contextTooLong(String message) {
        return FakeUpstream.Reply.json(400, errorBody("invalid_request_error",
                "prompt is too long: 212345 tokens > 200000 maximum; " + message));
    }

    @Override
    protected void assertAuthenticated(FakeUpstream.Recorded request, String key) {
        assertEquals(key, request.header("x-api-key"));
        assertEquals("2023-06-01", request.header("anthropic-version"));
        assertNull(request.header("authorization"), "Anthropic takes the key in x-api-key only");
    }

    private static String errorBody(String type, String message) {
        try {
            return JSON.writeValueAsString(Map.of("type", "error", "error", Map.of("type", type, "message", message)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Anthropic's own wire ----------------------------------------------------------------------

    @Test
    void postsTheMessagesBodyToV1MessagesAsJson() throws IOException {
        upstream.enqueue(success());
        provider().complete(request());

        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("POST", sent.method());
        assertEquals("/v1/messages", sent.path());
        assertTrue(sent.header("content-type").startsWith("application/json"), sent.header("content-type"));
        JsonNode body = JSON.readValue(sent.body(), JsonNode.class);
        assertEquals("Answer briefly.", body.get("system").getStringValue());
        assertEquals(64, body.get("max_tokens").getIntValue());
        assertNull(body.get("stream"));
    }

    @Test
    void aBaseUrlWithATrailingSlashMakesNoDoubleSlash() {
        upstream.enqueue(success());
        provider(URI.create(upstream.baseUri() + "/"), support(Duration.ofSeconds(10))).complete(request());

        assertEquals("/v1/messages", upstream.onlyRequest().path());
    }

    @Test
    void theDefaultBaseUrlIsAnthropicsPublicApi() {
        assertEquals("https://api.anthropic.com", AnthropicAdapterFactory.DEFAULT_BASE_URL);
        ChatProvider provider = new AnthropicAdapterFactory(support(Duration.ofSeconds(1)), JSON)
                .create(new ProviderConfig("claude", "anthropic", null, List.of(), null));
        assertEquals("anthropic", provider.protocol());
        assertEquals("claude", provider.name());
    }

    @Test
    void overloaded529IsUnavailableAndRetryable() {
        ProviderException e = failure(FakeUpstream.Reply.json(529, AnthropicFixtures.text("error-529-overloaded.json")));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(529, e.status());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
    }

    @Test
    void theDocumentedPromptTooLongBodyIsContextTooLongAndOtherBadRequestsAreNot() {
        ProviderException tooLong = failure(FakeUpstream.Reply.json(400,
                AnthropicFixtures.text("error-400-prompt-too-long.json")));
        ProviderException invalid = failure(FakeUpstream.Reply.json(400, AnthropicFixtures.text("error-400-invalid.json")));

        assertEquals(Kind.CONTEXT_TOO_LONG, tooLong.kind());
        assertEquals(Kind.REJECTED, invalid.kind());
        assertTrue(invalid.getMessage().contains("invalid_request_error"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("alternate"), "the upstream's text is not echoed");
    }

    @Test
    void anAccountOutOfCreditIsUnauthorizedSoTheNextCandidateIsTriedAndTheBreakerCounts() {
        ProviderException e = failure(FakeUpstream.Reply.json(400, AnthropicFixtures.text("error-400-credit-balance.json")));

        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
        assertFalse(e.retryable());
        assertFalse(e.getMessage().contains("credit"), "the upstream's text is not echoed");
    }

    @Test
    void aBillingErrorIsUnauthorizedSoTheNextCandidateIsTriedAndTheBreakerCounts() {
        ProviderException e = failure(FakeUpstream.Reply.json(402, AnthropicFixtures.text("error-402-billing.json")));

        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
        assertTrue(e.getMessage().contains("billing_error"), e.getMessage());
        assertFalse(e.getMessage().contains("billing details"), "the upstream's text is not echoed");
    }

    @Test
    void whatThisModelNoLongerTakesIsUnsupportedSoAnotherDeploymentMayAnswer() {
        for (String fixture : new String[] {"error-400-thinking-adaptive-only.json",
                "error-400-temperature-deprecated.json", "error-400-prefill.json"}) {
            ProviderException e = failure(FakeUpstream.Reply.json(400, AnthropicFixtures.text(fixture)));

            assertSafe(e);
            assertEquals(Kind.UNSUPPORTED, e.kind(), fixture);
            assertTrue(e.fallbackAllowed(), fixture);
            assertFalse(e.breakerFailure(), "the deployment is not down: " + fixture);
            assertFalse(e.getMessage().contains("this model"), "the upstream's text is not echoed");
        }
    }

    @Test
    void aRefusedSchemaIsUnsupportedForARequestAskingForOneAndABadRequestOtherwise() {
        String refusal = AnthropicFixtures.text("error-400-output-format.json");
        ChatRequest structured = request().withOptions(new GenerationOptions(null, List.of(),
                ResponseFormat.jsonSchema("n", "{\"type\":\"integer\",\"minimum\":1}", null, null)));
        upstream.enqueue(FakeUpstream.Reply.json(400, refusal));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(structured));
        ProviderException plain = failure(FakeUpstream.Reply.json(400, refusal));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.fallbackAllowed(), "another deployment may take the schema");
        assertFalse(e.breakerFailure(), "the deployment is not down");
        assertFalse(e.getMessage().contains("minimum"), "the upstream's text is not echoed");
        assertEquals(Kind.REJECTED, plain.kind(), "a request that asked for no format did not cause it");
    }

    @Test
    void aRefusedStrictToolIsUnsupportedForARequestWithOneAndABadRequestOtherwise() {
        String refusal = AnthropicFixtures.text("error-400-strict-tool.json");
        ChatRequest strict = new ChatRequest("test-model", List.of(ChatMessage.user("Weather?")), 64, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}", true)));
        upstream.enqueue(FakeUpstream.Reply.json(400, refusal));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(strict));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.fallbackAllowed(), "another deployment may hold the call to its schema");
        assertEquals(Kind.REJECTED, failure(FakeUpstream.Reply.json(400, refusal)).kind(),
                "a request without a strict tool did not cause it");
    }

    @Test
    void aStreamAsksForStreamingAndAssemblesToolCallsIntoTheLastChunk() throws IOException {
        upstream.enqueue(FakeUpstream.Reply.stream("text/event-stream", AnthropicFixtures.pieces("stream-tool-use.sse")));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(request(), VisibleChunks.into(chunks));

        assertTrue(JSON.readValue(upstream.onlyRequest().body(), JsonNode.class).get("stream").getBooleanValue());
        assertEquals(List.of(StreamChunk.text("Checking Oslo."), StreamChunk.last(FinishReason.TOOL_CALLS,
                new Usage(159, 41, 0, 64), List.of(
                        new ToolCall("toolu_01WeatherOslo", "get_weather", "{\"city\": \"Oslo\", \"unit\": \"celsius\"}"),
                        new ToolCall("toolu_01TimeOslo", "get_local_time", "{\"timezone\": \"Europe/Oslo\"}"),
                        new ToolCall("toolu_01Clock", "get_utc_clock", "{}")))), chunks);
    }

    @Test
    void anOverloadedErrorEventMidStreamFailsAfterTheTextThatCame() {
        upstream.enqueue(FakeUpstream.Reply.stream("text/event-stream", AnthropicFixtures.pieces("stream-error-midway.sse")));
        List<StreamChunk> chunks = new ArrayList<>();

        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), VisibleChunks.into(chunks)));

        assertSafe(e);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
        assertEquals(List.of(StreamChunk.text("Let me think")), chunks);
    }

    @Test
    void aRequestAnthropicCannotTakeIsUnsupportedHereBeforeAnythingIsSent() {
        ChatRequest onlySystem = new ChatRequest("claude-3-5-haiku-20241022",
                List.of(new ChatMessage("system", "Be brief.")), 10);
        ChatRequest badArguments = new ChatRequest("claude-3-5-haiku-20241022", List.of(ChatMessage.user("hi"),
                new ChatMessage("assistant", "", List.of(new ToolCall("toolu_1", "f", "[1, 2]")), null)), 10,
                null, List.of(new ToolDefinition("f", null, "{\"type\":\"object\"}")));

        for (ChatRequest request : List.of(onlySystem, badArguments)) {
            ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(request));
            assertSafe(e);
            assertEquals(Kind.UNSUPPORTED, e.kind());
            assertTrue(e.fallbackAllowed(), "another protocol may take what Anthropic's terms cannot say");
        }
        assertTrue(upstream.requests().isEmpty());
    }

    @Test
    void aCompleteAnswerCarriesToolCallsAndUsageFromTheBody() {
        upstream.enqueue(FakeUpstream.Reply.json(200, AnthropicFixtures.text("message-tool-use.json")));

        ChatResponse response = provider().complete(request());

        assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
        assertEquals(2, response.toolCalls().size());
        assertEquals(new Usage(412, 96), response.usage());
    }
}
