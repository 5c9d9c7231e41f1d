package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testsupport.VisibleChunks;
import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.FakeUpstream.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ConverseStream (POST /model/{id}/converse-stream, event-stream frames) against the fake Bedrock endpoint. */
class BedrockStreamWireTest extends BedrockWireSupport {

    @Test
    void streamsTextDeltasThenOneLastChunkWithTheMetadataUsage() {
        upstream.enqueue(eventStream("stream-text.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
        assertEquals("/model/test-model/converse-stream", upstream.onlyRequest().path());
    }

    @Test
    void streamedToolInputIsAssembledIntoTheLastChunk() {
        upstream.enqueue(eventStream("stream-tool-use.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Checking."), StreamChunk.last(FinishReason.TOOL_CALLS, new Usage(60, 22),
                List.of(new ToolCall("tooluse_oslo01", "get_weather", "{\"city\": \"Oslo\"}")))), chunks);
    }

    @Test
    void claudesStreamedReasoningIsNoPartOfTheAnswerButItsTokensAreOutput() {
        upstream.enqueue(eventStream("stream-reasoning.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        List<StreamChunk> progress = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks, progress));

        assertEquals(List.of(StreamChunk.text("The contract renews"), StreamChunk.text(" every March."),
                StreamChunk.last(FinishReason.STOP, new Usage(40, 61), List.of())), chunks);
        // Written and billed all the same: a stream cut after it is billed for it.
        assertEquals(List.of(StreamChunk.progress("The user asks about renewal.", null),
                StreamChunk.progress(" The contract says March.", null)), progress);
    }

    @Test
    void aProvidersGuardrailGoesWithTheStreamAndItsInterventionEndsItAsAContentFilter() {
        upstream.enqueue(eventStream("stream-guardrail-intervened.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider(CREDENTIALS, Duration.ofSeconds(10), new BedrockGuardrail("gr7x2k9q4m1p", "DRAFT"))
                .stream(request(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Here is how"),
                StreamChunk.text(" Sorry, this assistant cannot help with that request."),
                StreamChunk.last(FinishReason.CONTENT_FILTER, new Usage(30, 4), List.of())), chunks);
        String body = upstream.onlyRequest().body();
        assertTrue(body.contains("\"guardrailConfig\":{") && body.contains("\"guardrailIdentifier\":\"gr7x2k9q4m1p\"")
                && body.contains("\"guardrailVersion\":\"DRAFT\""), body);
    }

    @Test
    void cacheReadsAndWritesInTheMetadataCountAsInputAndAsTheirParts() {
        upstream.enqueue(eventStream("stream-cache-write.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks));

        // 25 uncached + 600 read from the cache + 1800 written to it.
        assertEquals(List.of(StreamChunk.text("It renews"), StreamChunk.text(" in March."),
                StreamChunk.last(FinishReason.STOP, new Usage(2425, 5, 0, 600, 1800), List.of())), chunks);
    }

    @Test
    void aStreamWithoutMetadataEndsWithEstimatedUsage() {
        upstream.enqueue(eventStream("stream-no-metadata.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Short answer."), StreamChunk.last(FinishReason.STOP,
                UsageEstimate.of(TOKENS, request(), "Short answer."), List.of())), chunks);
    }

    @Test
    void aStreamWithToolUseButNoMetadataCountsTheCallsInItsEstimate() {
        upstream.enqueue(eventStream("stream-tool-use-no-metadata.events"));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), VisibleChunks.into(chunks));

        List<ToolCall> calls = List.of(new ToolCall("tooluse_oslo02", "get_weather", "{\"city\": \"Oslo\", \"days\": 3}"));
        assertEquals(List.of(StreamChunk.text("Checking."), StreamChunk.last(FinishReason.TOOL_CALLS,
                UsageEstimate.of(TOKENS, request(), "Checking.", calls), calls)), chunks);
        assertTrue(chunks.get(1).usage().outputTokens() > UsageEstimate.of(TOKENS, request(), "Checking.").outputTokens());
    }

    @Test
    void aSilentStreamIsATimeout() {
        upstream.enqueue(Reply.silence());
        ChatProvider slow = provider(CREDENTIALS, Duration.ofMillis(300));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> slow.stream(request(), VisibleChunks.into(chunks)));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aSilentStreamStartedCloseToTheRequestsDeadlineWaitsOnlyForTheTimeLeft() {
        upstream.enqueue(Reply.silence());
        // Without the deadline this would wait for the call timeout plus the connect timeout: 32 s.
        ChatProvider provider = provider(CREDENTIALS, Duration.ofSeconds(30));
        ChatRequest closeToItsDeadline = request().withDeadline(NOW.plusMillis(300));
        List<StreamChunk> chunks = new ArrayList<>();

        ProviderException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ProviderException.class, () -> provider.stream(closeToItsDeadline, VisibleChunks.into(chunks))));

        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aStreamWhoseDeadlineHasPassedIsNotSent() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().stream(request().withDeadline(NOW), chunk -> { }));

        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(upstream.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void onceStartedAStreamOutlastsTheRequestsDeadlineWhileEventsKeepComing() {
        // The deadline (300 ms away on the fixed clock) bounds the wait for the first event only: five
        // events 150 ms apart take 750 ms in all and must arrive whole.
        upstream.enqueue(new FakeUpstream.Paced(EventStreamFrames.CONTENT_TYPE,
                BedrockFixtures.frames("stream-text.events"), Duration.ofMillis(150)));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(request().withDeadline(NOW.plusMillis(300)), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
    }

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

    @Test
    void aStreamThatStallsMidAnswerIsATimeoutAfterWhatCame() {
        // Two frames (messageStart, the first delta), then silence with the connection open.
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events").subList(0, 2);
        upstream.enqueue(new FakeUpstream.Streamed(EventStreamFrames.CONTENT_TYPE, frames, false, new CountDownLatch(1)));
        ChatProvider slow = provider(CREDENTIALS, Duration.ofMillis(300));
        List<StreamChunk> chunks = new ArrayList<>();

        ProviderException e = assertThrows(ProviderException.class, () -> slow.stream(request(), VisibleChunks.into(chunks)));

        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(List.of(StreamChunk.text("Hello")), chunks);
    }

    @Test
    void aStreamToAnEndpointThatRefusesConnectionsIsUnavailable() {
        ChatProvider provider = provider();
        upstream.close(); // nothing listens on its port any more

        ProviderException e = assertThrows(ProviderException.class, () -> provider.stream(request(), chunk -> { }));

        assertSafe(e);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void aStreamLongerThanTheCallTimeoutIsNotCutWhileEventsKeepComing() {
        // The call timeout (300 ms) bounds the wait for the stream's headers only: five events 150 ms apart
        // take 750 ms in all and must arrive whole.
        List<byte[]> frames = BedrockFixtures.frames("stream-text.events");
        upstream.enqueue(new FakeUpstream.Paced(EventStreamFrames.CONTENT_TYPE, frames, Duration.ofMillis(150)));
        List<StreamChunk> chunks = new ArrayList<>();

        provider(CREDENTIALS, Duration.ofMillis(300)).stream(request(), VisibleChunks.into(chunks));

        assertEquals(List.of(StreamChunk.text("Hello"), StreamChunk.text(" from"), StreamChunk.text(" Bedrock."),
                StreamChunk.last(FinishReason.STOP, new Usage(15, 4), List.of())), chunks);
    }

    @Test
    void theStreamRequestGoesOutSignedWithTheLengthItWasSignedWith() {
        upstream.enqueue(eventStream("stream-text.events"));
        provider().stream(request(), chunk -> { });

        FakeUpstream.Recorded sent = upstream.onlyRequest();
        String authorization = sent.header("authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"), authorization);
        assertTrue(authorization.contains("/us-east-1/bedrock/aws4_request"), authorization);
        assertTrue(authorization.contains("SignedHeaders=") && authorization.contains("host"), authorization);
        assertNotNull(sent.header("x-amz-date"));
        assertEquals(upstream.baseUri().getAuthority(), sent.header("host"));
        assertEquals(sent.body().getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(sent.header("content-length")));
        assertTrue(sent.body().contains("\"Say hello.\""), "the Converse body was sent");
        assertFalse(sent.headers().toString().contains(CANARY_SECRET));
    }
}
