package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.FakeUpstream.Reply;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Converse (POST /model/{id}/converse) against the fake Bedrock endpoint: answers and every way a call fails. */
class BedrockConverseWireTest extends BedrockWireSupport {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void answersFromAConverseBodyWithASignedRequest() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-text.json")));
        ChatResponse response = provider().complete(request());

        assertEquals(new ChatResponse("Hello there. Nice to meet you.", "test-model", new Usage(12, 7),
                FinishReason.STOP), response);
        FakeUpstream.Recorded sent = upstream.onlyRequest();
        assertEquals("/model/test-model/converse", sent.path());
        assertTrue(sent.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"),
                "signed with SigV4 for the credentials' key id");
        assertTrue(sent.header("authorization").contains("/us-east-1/bedrock/aws4_request"), sent.header("authorization"));
        assertTrue(sent.body().contains("\"system\":[{\"text\":\"Answer briefly.\"}]"), sent.body());
        assertTrue(sent.body().contains("\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Say hello.\"}]}]"),
                sent.body());
        assertTrue(sent.body().contains("\"inferenceConfig\":{\"maxTokens\":64}"), sent.body());
    }

    @Test
    void toolUseBlocksBecomeToolCallsAndCacheReadsCountAsInput() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-tool-use.json")));
        ChatResponse response = provider().complete(request());

        assertEquals("Let me look that up.", response.text());
        assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
        assertEquals(List.of(new ToolCall("tooluse_oslo01", "get_weather", "{\"city\":\"Oslo\",\"days\":3,\"metric\":true}")),
                response.toolCalls());
        assertEquals(new Usage(380, 31, 0, 300), response.usage());
    }

    @Test
    void claudesReasoningBlockIsNoPartOfTheAnswerButItsTokensAreOutput() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-reasoning.json")));
        ChatResponse response = provider().complete(request());

        assertEquals(new ChatResponse("The contract renews every March.", "test-model", new Usage(40, 61),
                FinishReason.STOP), response);
    }

    @Test
    void cacheWritesCountAsInputAndAsTheCacheWritePart() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-cache-write.json")));
        ChatResponse response = provider().complete(request());

        // 25 uncached + 1800 written to the cache.
        assertEquals(new ChatResponse("The contract renews every March.", "test-model", new Usage(1825, 9, 0, 0, 1800),
                FinishReason.STOP), response);
    }

    @Test
    void anAnswerWithoutUsageIsEstimatedAndMaxTokensIsLength() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-max-tokens-no-usage.json")));
        ChatResponse response = provider().complete(request());

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(UsageEstimate.of(TOKENS, request(), "The first part of a long"), response.usage());
    }

    @Test
    void anAnswerWithToolUseButNoUsageCountsTheCallsInItsEstimate() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-tool-use-no-usage.json")));
        ChatResponse response = provider().complete(request());

        List<ToolCall> calls = List.of(new ToolCall("tooluse_oslo02", "get_weather", "{\"city\":\"Oslo\",\"days\":3}"));
        assertEquals(calls, response.toolCalls());
        assertEquals(UsageEstimate.of(TOKENS, request(), "Checking.", calls), response.usage());
        assertTrue(response.usage().outputTokens() > UsageEstimate.of(TOKENS, request(), "Checking.").outputTokens());
    }

    @Test
    void validationIsRejectedAndNotRetried() {
        ProviderException e = failure(error(400, "ValidationException", upstreamText("invalid request")));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("ValidationException"), e.getMessage());
        assertFalse(e.retryable());
        assertFalse(e.fallbackAllowed());
    }

    @Test
    void aModelThatLacksWhatTheRequestNeedsIsUnsupportedSoTheNextCandidateMayTakeIt() {
        ProviderException e = failure(error(400, "ValidationException",
                upstreamText("this model doesn't support tool use")));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertFalse(e.retryable());
        assertFalse(e.breakerFailure());
        ProviderException profileOnly = failure(error(400, "ValidationException",
                upstreamText("invocation of this model with on-demand throughput isn't supported")));
        assertEquals(Kind.UNSUPPORTED, profileOnly.kind());
        for (String cachePointRefused : new String[] {
                "`temperature` is deprecated for this model.",
                "You invoked an unsupported model or your request did not allow prompt caching.",
                "Malformed input request: #/toolConfig/tools/1: extraneous key [cachePoint] is not permitted"}) {
            assertEquals(Kind.UNSUPPORTED, failure(error(400, "ValidationException", upstreamText(cachePointRefused)))
                    .kind(), cachePointRefused);
        }
    }

    @Test
    void aStrictToolReachesConverseAsAStrictToolSpec() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-tool-use.json")));
        provider().complete(new ChatRequest("test-model", List.of(ChatMessage.user("Weather in Oslo?")), 64, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}", true))));

        assertEquals(sent("""
                {"name":"get_weather","inputSchema":{"json":{"type":"object"}},"strict":true}"""),
                sent(upstream.onlyRequest().body()).get("toolConfig").get("tools").get(0).get("toolSpec"));
    }

    @Test
    void aJsonSchemaReachesConverseAsOutputConfigWithTheSchemaAsText() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-text.json")));
        provider().complete(new ChatRequest("test-model", List.of(ChatMessage.user("Weather in Oslo?")), 64)
                .withOptions(new GenerationOptions(null, List.of(),
                        ResponseFormat.jsonSchema("weather", "{\"type\":\"object\"}", null, null))));

        assertEquals(sent("""
                {"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":"{\\"type\\":\\"object\\"}",
                 "name":"weather"}}}}"""), sent(upstream.onlyRequest().body()).get("outputConfig"));
    }

    @Test
    void claudesThinkingReachesConverseAsAdditionalModelRequestFields() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-text.json")));
        provider().complete(new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", List.of(ChatMessage.user("Why?")), 4096)
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.LOW)));

        assertEquals(sent("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}"),
                sent(upstream.onlyRequest().body()).get("additionalModelRequestFields"));
    }

    @Test
    void aProvidersGuardrailGoesWithEveryConverseCallAndItsInterventionIsAContentFilter() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-guardrail-intervened.json")));
        ChatResponse response = provider(CREDENTIALS, Duration.ofSeconds(10), new BedrockGuardrail("gr7x2k9q4m1p", "3"))
                .complete(request());

        assertEquals(sent("{\"guardrailIdentifier\":\"gr7x2k9q4m1p\",\"guardrailVersion\":\"3\"}"),
                sent(upstream.onlyRequest().body()).get("guardrailConfig"));
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
        assertEquals("Sorry, this assistant cannot help with that request.", response.text());
    }

    @Test
    void aRequestTheMapperCannotSayIsUnsupportedBeforeAnythingIsSent() {
        ChatRequest notJson = new ChatRequest("test-model", List.of(ChatMessage.user("Hi")), 10, null,
                List.of(new ToolDefinition("t", null, "{\"a\":1} trailing")));
        for (Executable call : List.<Executable>of(() -> provider().complete(notJson),
                () -> provider().stream(notJson, chunk -> { }))) {
            ProviderException e = assertThrows(ProviderException.class, call);
            assertSafe(e);
            assertEquals(Kind.UNSUPPORTED, e.kind());
        }
        assertTrue(upstream.requests().isEmpty());
    }

    @Test
    void inputTooLongMayFallBackToALargerContext() {
        ProviderException e = failure(Reply.json(400, BedrockFixtures.text("error-validation-too-long.json"))
                .header("x-amzn-ErrorType", "ValidationException"));
        assertEquals(Kind.CONTEXT_TOO_LONG, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void accessDeniedIsUnauthorizedAndFallsBack() {
        ProviderException e = failure(error(403, "AccessDeniedException", upstreamText("not allowed")));
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void unrecognisedCredentialsAreUnauthorized() {
        ProviderException e = failure(error(403, "UnrecognizedClientException", upstreamText("bad token")));
        assertEquals(Kind.UNAUTHORIZED, e.kind());
    }

    @Test
    void unknownModelIsNotFoundAndFallsBack() {
        ProviderException e = failure(error(404, "ResourceNotFoundException", upstreamText("no such model")));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void aModelIdBedrockDoesNotKnowIsNotFoundThoughSentAsAValidationException() {
        ProviderException e = failure(Reply.json(400, BedrockFixtures.text("error-validation-model-identifier.json"))
                .header("x-amzn-ErrorType", "ValidationException"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(400, e.status());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
        assertFalse(e.retryable());
    }

    @Test
    void throttlingCarriesRetryAfterAndIsNoBreakerFailure() {
        ProviderException e = failure(error(429, "ThrottlingException", upstreamText("slow down"))
                .header("Retry-After", "7"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertTrue(e.retryable());
        assertFalse(e.breakerFailure());
        assertEquals(1, upstream.requests().size(), "the SDK does not retry on its own");
    }

    @Test
    void quotaExceededIsRateLimited() {
        assertEquals(Kind.RATE_LIMITED, failure(error(429, "ServiceQuotaExceededException", upstreamText("quota"))).kind());
    }

    @Test
    void aModelThatIsNotReadyIsUnavailableThoughSentAs429() {
        ProviderException e = failure(error(429, "ModelNotReadyException", upstreamText("warming up")));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.breakerFailure());
    }

    @Test
    void aModelTimeoutIsATimeout() {
        assertEquals(Kind.TIMEOUT, failure(error(408, "ModelTimeoutException", upstreamText("too slow"))).kind());
    }

    @Test
    void internalServerErrorIsRetryableAndNotRetriedByTheSdk() {
        ProviderException e = failure(error(500, "InternalServerException", upstreamText("internal error")));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(500, e.status());
        assertTrue(e.retryable());
        assertEquals(1, upstream.requests().size(), "the SDK does not retry on its own");
    }

    @Test
    void serviceUnavailableHonoursAnHttpDateRetryAfter() {
        ProviderException e = failure(error(503, "ServiceUnavailableException", upstreamText("overloaded"))
                .header("Retry-After", "Sat, 28 Nov 2026 12:00:03 GMT"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    @Test
    void anHtmlErrorPageIsClassifiedByItsStatus() {
        ProviderException e = failure(Reply.json(502, "<html><body>Bad gateway</body></html>").contentType("text/html"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(502, e.status());
    }


    @Test
    void silenceIsATimeout() {
        upstream.enqueue(Reply.silence());
        ChatProvider slow = provider(CREDENTIALS, Duration.ofMillis(300));
        ProviderException e = assertThrows(ProviderException.class, () -> slow.complete(request()));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void silenceIsCutWhenTheRequestsDeadlineComesBeforeTheCallTimeout() {
        upstream.enqueue(Reply.silence());
        ChatProvider provider = provider(CREDENTIALS, Duration.ofSeconds(30));
        ChatRequest closeToItsDeadline = request().withDeadline(NOW.plusMillis(300));

        ProviderException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ProviderException.class, () -> provider.complete(closeToItsDeadline)));

        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void aRequestWhoseDeadlineHasPassedIsNotSent() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(request().withDeadline(NOW)));

        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(upstream.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void connectionResetIsUnavailable() {
        ProviderException e = failure(Reply.reset());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void malformedJsonIsUnavailable() {
        ProviderException e = failure(Reply.json(200, "{\"output\": {\"mess"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("no credentials for " + CANARY_SECRET);
        };
        ProviderException e = assertThrows(ProviderException.class, () -> provider(none, Duration.ofSeconds(10))
                .complete(request()));
        assertSafe(e);
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(upstream.requests().isEmpty(), "no request without credentials");
    }

    private static JsonNode sent(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
