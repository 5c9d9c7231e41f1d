package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.FakeUpstream.Reply;
import dev.switchboard.provider.http.UpstreamTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * The Bedrock adapter against a fake Bedrock endpoint on 127.0.0.1: the cases of
 * UpstreamContractTest (whose HTTP-key and text-stream hooks do not fit an SDK adapter signing with
 * IAM and streaming binary frames), in Bedrock's shapes. The secret key is a canary: it must reach
 * no exception message and no log line, and neither may AWS's error text.
 */
class BedrockWireTest {

    private static final String PROVIDER = "bedrock-under-test";
    private static final String CANARY_SECRET = "CANARY-secret-7f3a9c1e-never-print-me";
    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", CANARY_SECRET));
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();

    private FakeUpstream upstream;
    private ListAppender<ILoggingEvent> logs;
    private final List<BedrockClients> clients = new ArrayList<>();

    @BeforeEach
    void startUpstream() {
        upstream = FakeUpstream.start();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopAndCheckLogs() {
        clients.forEach(BedrockClients::close);
        upstream.close();
        root().detachAppender(logs);
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " " + event.getThrowableProxy().getMessage());
            assertFalse(line.contains(CANARY_SECRET), "the secret reached a log line: " + event.getLoggerName());
            assertFalse(line.contains("upstream says"), "AWS's error text reached a log line: " + event.getLoggerName());
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private ChatProvider provider(AwsCredentialsProvider credentials, Duration callTimeout) {
        BedrockClients opened = new BedrockClients(credentials, new UpstreamTimeouts(Duration.ofSeconds(2), callTimeout),
                () -> Region.US_EAST_1);
        clients.add(opened);
        BedrockAdapterFactory factory = new BedrockAdapterFactory(opened,
                new UpstreamTimeouts(Duration.ofSeconds(2), callTimeout), Clock.fixed(NOW, ZoneOffset.UTC), TOKENS);
        return factory.create(new ProviderConfig(PROVIDER, "bedrock", upstream.baseUri().toString(), List.of(), null));
    }

    private ChatProvider provider() {
        return provider(CREDENTIALS, Duration.ofSeconds(10));
    }

    private static ChatRequest request() {
        return new ChatRequest("test-model", List.of(new ChatMessage("system", "Answer briefly."),
                ChatMessage.user("Say hello.")), 64);
    }

    private static FakeUpstream.Whole error(int status, String type, String message) {
        return Reply.json(status, "{\"message\": \"" + message + "\"}").header("x-amzn-ErrorType", type);
    }

    private static String upstreamText(String what) {
        return "upstream says " + what + " for secret " + CANARY_SECRET;
    }

    private ProviderException failure(Reply reply) {
        upstream.enqueue(reply);
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(request()));
        assertSafe(e);
        return e;
    }

    private ProviderException streamFailure(Reply reply, List<StreamChunk> chunks) {
        upstream.enqueue(reply);
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a failed stream must not end as if whole");
        return e;
    }

    private static void assertSafe(ProviderException e) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().contains(CANARY_SECRET), "the secret reached an exception message: " + e.getMessage());
        assertFalse(e.getMessage().contains("upstream says"), "AWS's error text was echoed: " + e.getMessage());
        assertEquals(PROVIDER, e.provider());
    }

    private static Reply eventStream(String fixture) {
        return Reply.binary(EventStreamFrames.CONTENT_TYPE, BedrockFixtures.frames(fixture), true);
    }

    // ---- success --------------------------------------------------------------------------------

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
    void anAnswerWithoutUsageIsEstimatedAndMaxTokensIsLength() {
        upstream.enqueue(Reply.json(200, BedrockFixtures.text("converse-max-tokens-no-usage.json")));
        ChatResponse response = provider().complete(request());

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(UsageEstimate.of(TOKENS, request(), "The first part of a long"), response.usage());
    }

    @Test
    void streamsTextDeltasThenOneLastChunkWithTheMetadataUsage() {
        upstream.enqueue(eventStream("stream-text.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
        assertEquals("/model/test-model/converse-stream", upstream.onlyRequest().path());
    }

    @Test
    void streamedToolInputIsAssembledIntoTheLastChunk() {
        upstream.enqueue(eventStream("stream-tool-use.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);

        assertEquals(List.of(StreamChunk.text("Checking."), StreamChunk.last(FinishReason.TOOL_CALLS, new Usage(60, 22),
                List.of(new ToolCall("tooluse_oslo01", "get_weather", "{\"city\": \"Oslo\"}")))), chunks);
    }

    @Test
    void aStreamWithoutMetadataEndsWithEstimatedUsage() {
        upstream.enqueue(eventStream("stream-no-metadata.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);

        assertEquals(List.of(StreamChunk.text("Short answer."), StreamChunk.last(FinishReason.STOP,
                UsageEstimate.of(TOKENS, request(), "Short answer."), List.of())), chunks);
    }

    // ---- refusals, by AWS error type ------------------------------------------------------------

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

    // ---- transport failures ---------------------------------------------------------------------

    @Test
    void silenceIsATimeout() {
        upstream.enqueue(Reply.silence());
        ChatProvider slow = provider(CREDENTIALS, Duration.ofMillis(300));
        ProviderException e = assertThrows(ProviderException.class, () -> slow.complete(request()));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void aSilentStreamIsATimeout() {
        upstream.enqueue(Reply.silence());
        ChatProvider slow = provider(CREDENTIALS, Duration.ofMillis(300));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> slow.stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(chunks.isEmpty());
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

    // ---- streams that fail ----------------------------------------------------------------------

    @Test
    void aStreamCutMidAnswerFailsAfterWhatCame() {
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events");
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = streamFailure(Reply.binary(EventStreamFrames.CONTENT_TYPE, frames.subList(0, 3), false),
                chunks);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void aFrameCutInHalfFails() {
        List<byte[]> frames = new ArrayList<>(BedrockFixtures.frames("stream-text.events").subList(0, 2));
        byte[] third = BedrockFixtures.frames("stream-text.events").get(2);
        frames.add(java.util.Arrays.copyOf(third, third.length / 2));
        ProviderException e = streamFailure(Reply.binary(EventStreamFrames.CONTENT_TYPE, frames, true), new ArrayList<>());
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void aStreamThatEndsCleanlyButBeforeMessageStopFails() {
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events");
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = streamFailure(Reply.binary(EventStreamFrames.CONTENT_TYPE, frames.subList(0, 3), true),
                chunks);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("Hello from", chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
    }

    @Test
    void anEmptyStreamFailsWithoutChunks() {
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = streamFailure(Reply.binary(EventStreamFrames.CONTENT_TYPE, List.of(), true), chunks);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void anExceptionEventMidStreamFailsAfterTheTextThatCame() {
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = streamFailure(eventStream("stream-error-midway.events"), chunks);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("modelStreamErrorException") || e.getMessage().contains("ModelStreamError"),
                e.getMessage());
        assertEquals(List.of(StreamChunk.text("Partial")), chunks);
    }

    @Test
    void aThrottlingEventMidStreamIsRateLimited() {
        ProviderException e = streamFailure(eventStream("stream-throttled-midway.events"), new ArrayList<>());
        assertEquals(Kind.RATE_LIMITED, e.kind());
    }

    @Test
    void aStreamRefusedBeforeItsFirstByteIsClassifiedLikeACall() {
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = streamFailure(error(429, "ThrottlingException", upstreamText("slow down"))
                .header("Retry-After", "2"), chunks);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aStreamWhoseConnectionIsResetIsUnavailable() {
        ProviderException e = streamFailure(Reply.reset(), new ArrayList<>());
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }
}
