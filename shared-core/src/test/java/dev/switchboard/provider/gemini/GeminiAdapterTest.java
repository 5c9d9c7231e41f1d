package dev.switchboard.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamContractTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract suite against Gemini's documented bodies, and what is Gemini's own: its URLs, key header and error details. */
class GeminiAdapterTest extends UpstreamContractTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Override
    protected ChatProvider provider(URI baseUrl, HttpAdapterSupport support) {
        return new GeminiAdapter(PROVIDER, baseUrl.toString(), support, JSON);
    }

    @Override
    protected FakeUpstream.Whole success() {
        return FakeUpstream.Reply.json(200, GeminiFixtures.text("generate-text.json"));
    }

    @Override
    protected String successText() {
        return "Hello! How can I help today?";
    }

    @Override
    protected List<String> streamPieces() {
        return GeminiFixtures.events("stream-text.sse");
    }

    @Override
    protected String streamText() {
        return "The sky looks blue because of Rayleigh scattering.";
    }

    @Override
    protected FakeUpstream.Whole error(int status, String message) {
        String canonical = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
        return FakeUpstream.Reply.json(status, errorBody(status, message, canonical));
    }

    @Override
    protected FakeUpstream.Whole contextTooLong(String message) {
        return FakeUpstream.Reply.json(400, errorBody(400, "The input token count (1200312) exceeds the maximum number "
                + "of tokens allowed (1048576). " + message, "INVALID_ARGUMENT"));
    }

    @Override
    protected void assertAuthenticated(FakeUpstream.Recorded request, String key) {
        assertEquals(key, request.header("x-goog-api-key"));
        assertFalse(request.path().contains(key), "the key must not be in the URL");
        assertTrue(request.query() == null || !request.query().contains(key), "the key must not be in the URL");
    }

    private static String errorBody(int status, String message, String canonical) {
        try {
            return JSON.writeValueAsString(Map.of("error", Map.of("code", status, "message", message, "status", canonical)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProviderException fixtureFailure(int status, String fixture) {
        return failure(FakeUpstream.Reply.json(status, GeminiFixtures.text(fixture)));
    }

    // ---- Gemini's own ---------------------------------------------------------------------------

    @Test
    void completePostsTheMappedBodyToGenerateContentForTheModel() throws IOException {
        upstream.enqueue(success());
        provider().complete(request());

        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("POST", sent.method());
        assertEquals("/v1beta/models/test-model:generateContent", sent.path());
        assertNull(sent.query());
        assertEquals(JSON.readValue(new GeminiRequestMapper(JSON).body(request()), JsonNode.class),
                JSON.readValue(sent.body(), JsonNode.class));
    }

    @Test
    void streamAsksForServerSentEventsFromStreamGenerateContent() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), streamPieces()));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);

        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("/v1beta/models/test-model:streamGenerateContent", sent.path());
        assertEquals("alt=sse", sent.query());
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertEquals(FinishReason.STOP, last.finishReason());
        assertEquals(12, last.usage().inputTokens());
        assertEquals(9, last.usage().outputTokens());
    }

    @Test
    void theModelIsOnePathSegmentWithoutGeminisModelsPrefix() {
        upstream.enqueue(success());
        ChatRequest request = new ChatRequest("models/tuned model?x=1", List.of(ChatMessage.user("hi")), 10);
        provider().complete(request);

        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("/v1beta/models/tuned%20model%3Fx%3D1:generateContent", sent.path());
        assertNull(sent.query());
    }

    @Test
    void geminisAnswerToAWrongKeyIsUnauthorizedThoughItIsA400() {
        ProviderException e = fixtureFailure(400, "error-400-api-key-invalid.json");

        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.getMessage().contains("API_KEY_INVALID"), e.getMessage());
        assertFalse(e.getMessage().contains("not valid"), "the upstream's text is not echoed");
    }

    @Test
    void aWrongKeyRefusingAStreamIsUnauthorizedToo() {
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-api-key-invalid.json")));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));

        assertSafe(e);
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aProjectGeminiWillNotServeIsUnauthorizedSoTheNextCandidateIsTriedAndTheBreakerCounts() {
        ProviderException e = fixtureFailure(400, "error-400-failed-precondition.json");

        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
        assertTrue(e.getMessage().contains("FAILED_PRECONDITION"), e.getMessage());
        assertFalse(e.getMessage().contains("billing"), "the upstream's text is not echoed");
    }

    @Test
    void anInvalidArgumentIsRejectedWithItsStatusAsTheCode() {
        ProviderException e = fixtureFailure(400, "error-400-invalid-argument.json");

        assertEquals(Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("INVALID_ARGUMENT"), e.getMessage());
        assertFalse(e.getMessage().contains("payload"), "the upstream's text is not echoed");
    }

    @Test
    void theDocumentedTooManyInputTokensAnswerIsContextTooLong() {
        assertEquals(Kind.CONTEXT_TOO_LONG, fixtureFailure(400, "error-400-context-too-long.json").kind());
    }

    @Test
    void aRefusedThinkingBudgetIsUnsupportedForARequestThatSetAnEffortAndABadRequestOtherwise() {
        ChatRequest thinking = request().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.NONE));
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-thinking-budget.json")));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(thinking));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.fallbackAllowed(), "another deployment may take the effort");
        assertFalse(e.getMessage().contains("Budget"), "the upstream's text is not echoed");
        assertEquals(Kind.REJECTED, fixtureFailure(400, "error-400-thinking-budget.json").kind(),
                "a request that set no effort did not cause it");
    }

    @Test
    void aRefusedPenaltyIsUnsupportedForARequestThatSetOne() {
        ChatRequest penalised = request().withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                null, new Penalties(0.5, 0)));
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-penalty.json")));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(penalised));

        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertEquals(Kind.REJECTED, fixtureFailure(400, "error-400-penalty.json").kind(),
                "a request that set no penalty did not cause it");
    }

    @Test
    void aRefusedValidatedModeIsUnsupportedForARequestWithAStrictTool() {
        ChatRequest strict = new ChatRequest("test-model", List.of(ChatMessage.user("Weather?")), 64, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}", true)));
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-validated-mode.json")));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(strict));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertEquals(Kind.REJECTED, fixtureFailure(400, "error-400-validated-mode.json").kind(),
                "a request without a strict tool did not cause it");
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-validated-mode.json")));
        assertEquals(Kind.REJECTED, assertThrows(ProviderException.class,
                () -> provider().complete(strict.withToolChoice(ToolChoice.REQUIRED))).kind(),
                "a required call goes as ANY, not VALIDATED, so the refusal is not about strictness");
    }

    @Test
    void aRefusedThoughtSignatureIsUnsupportedForAConversationWithCallsSoAnotherDeploymentMayTakeIt() {
        ChatRequest withCalls = new ChatRequest("test-model", List.of(ChatMessage.user("Weather?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("c1", "get_weather", "{}")), null),
                new ChatMessage("tool", "3C", List.of(), "c1")), 64);
        upstream.enqueue(FakeUpstream.Reply.json(400, GeminiFixtures.text("error-400-missing-thought-signature.json")));

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(withCalls));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertFalse(e.getMessage().contains("thought_signature"), "the upstream's text is not echoed");
        assertEquals(Kind.REJECTED, fixtureFailure(400, "error-400-missing-thought-signature.json").kind(),
                "a conversation without calls did not cause it");
    }

    @Test
    void aSignedCallComesBackWithItsSignatureOnTheUnifiedCall() {
        upstream.enqueue(FakeUpstream.Reply.json(200, GeminiFixtures.text("generate-function-calls-signed.json")));

        List<ToolCall> calls = provider().complete(request()).toolCalls();

        assertEquals(List.of("CiQBVKhc7tFixtureSignatureOneAbc/+Q==", "none"),
                calls.stream().map(c -> c.signature() == null ? "none" : c.signature()).toList());
    }

    @Test
    void aQuotaErrorWaitsAsLongAsItsRetryInfoSaysWhenNoHeaderCame() {
        ProviderException e = fixtureFailure(429, "error-429-resource-exhausted.json");

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(37), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("RESOURCE_EXHAUSTED"), e.getMessage());
    }

    @Test
    void aRetryAfterHeaderWinsOverRetryInfo() {
        ProviderException e = failure(FakeUpstream.Reply.json(429, GeminiFixtures.text("error-429-resource-exhausted.json"))
                .header("Retry-After", "5"));

        assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
    }

    @Test
    void documentedServerErrorsAndUnknownModelsAreClassifiedByStatus() {
        assertEquals(Kind.NOT_FOUND, fixtureFailure(404, "error-404-not-found.json").kind());
        assertEquals(Kind.UNAVAILABLE, fixtureFailure(500, "error-500-internal.json").kind());
        ProviderException overloaded = fixtureFailure(503, "error-503-unavailable.json");
        assertEquals(Kind.UNAVAILABLE, overloaded.kind());
        assertTrue(overloaded.retryAfter().isEmpty());
    }

    @Test
    void aToolResultForACallNoTurnMadeIsUnsupportedHereBeforeAnythingIsSent() {
        ChatRequest orphan = new ChatRequest("test-model", List.of(ChatMessage.user("hi"),
                new ChatMessage("tool", "{\"ok\":true}", List.of(), "call_nobody_made")), 10);

        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(orphan));

        assertSafe(e);
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.fallbackAllowed(), "a protocol matching results by call id may take it");
        assertFalse(e.retryable());
        assertFalse(e.breakerFailure());
        assertTrue(upstream.requests().isEmpty());
    }

    @Test
    void anErrorInTheMiddleOfAStreamFailsAfterTheTextThatCame() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), GeminiFixtures.events("stream-error-midway.sse")));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));

        assertSafe(e);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(List.of(StreamChunk.text("The sky")), chunks);
    }

    @Test
    void aBlockedPromptAnswersWithNoTextAndAContentFilterFinish() {
        upstream.enqueue(FakeUpstream.Reply.json(200, GeminiFixtures.text("generate-prompt-blocked.json")));

        var response = provider().complete(request());

        assertEquals("", response.text());
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
        assertEquals(9, response.usage().inputTokens());
    }

    @Test
    void theFactoryServesTheGeminiProtocolWithGooglesEndpointByDefault() {
        GeminiAdapterFactory factory = new GeminiAdapterFactory(support(Duration.ofSeconds(1)), JSON);
        ChatProvider gemini = factory.create(new dev.switchboard.config.ProviderConfig("google", "gemini", null,
                List.of(), null));

        assertEquals("gemini", factory.protocol());
        assertEquals("google", gemini.name());
        assertEquals("gemini", gemini.protocol());
        assertEquals(URI.create("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent"),
                new GeminiEndpoints(GeminiEndpoints.DEFAULT_BASE_URL).generate("gemini-2.0-flash"));
    }

    @Test
    void aBaseUrlWithAQueryIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeminiEndpoints("https://proxy.example/?key=" + CANARY_KEY));
        assertFalse(e.getMessage().contains(CANARY_KEY));
    }
}
