package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The wire-format suite every HTTP adapter passes: success, streaming and each way an upstream
 * fails, against a {@link FakeUpstream} that answers with the protocol's documented bodies. A
 * subclass says how to build its adapter and what its protocol's bodies look like; this class
 * says what must happen. Every case runs with a recognisable key, and the key must appear in no
 * exception message and no log line, even when the upstream's error body quotes it.
 */
public abstract class UpstreamContractTest {

    /** A key no real provider issued, easy to find in any text it leaks into. */
    protected static final String CANARY_KEY = "sk-CANARY-7f3a9c1e-never-print-me";
    protected static final String PROVIDER = "upstream-under-test";
    protected static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    protected FakeUpstream upstream;
    private ListAppender<ILoggingEvent> logs;
    private final List<UpstreamHttp> transports = new ArrayList<>();

    // ---- what a protocol's suite supplies -------------------------------------------------------

    /** The adapter under test, pointed at {@code baseUrl}, its key from {@code support}. */
    protected abstract ChatProvider provider(URI baseUrl, HttpAdapterSupport support);

    /** A documented success body; its text must be {@link #successText()}. */
    protected abstract FakeUpstream.Whole success();

    protected abstract String successText();

    /** A documented streamed answer whose text deltas join to {@link #streamText()}, ending cleanly. */
    protected abstract List<String> streamPieces();

    protected abstract String streamText();

    /** The protocol's stream content type (text/event-stream, or Gemini's JSON array). */
    protected String streamContentType() {
        return "text/event-stream";
    }

    /** The protocol's error body for an HTTP status, carrying {@code message} as the upstream's text. */
    protected abstract FakeUpstream.Whole error(int status, String message);

    /** The protocol's answer when the prompt does not fit the model's context. */
    protected abstract FakeUpstream.Whole contextTooLong(String message);

    /** Asserts the request carried the key the way the protocol wants it (header, query). */
    protected abstract void assertAuthenticated(FakeUpstream.Recorded request, String key);

    // ---- the suite ------------------------------------------------------------------------------

    @BeforeEach
    void startUpstream() {
        upstream = FakeUpstream.start();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopUpstreamAndCheckLogs() {
        upstream.close();
        transports.forEach(UpstreamHttp::close);
        root().detachAppender(logs);
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " " + event.getThrowableProxy().getMessage());
            assertFalse(line.contains(CANARY_KEY), "the key reached a log line: " + event.getLoggerName());
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The HTTP transport the adapter sends through: the JDK client unless a suite says otherwise. */
    protected UpstreamHttp transport(Duration connectTimeout) {
        return new JdkUpstreamHttp(connectTimeout);
    }

    protected HttpAdapterSupport support(Duration callTimeout) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        UpstreamTimeouts timeouts = new UpstreamTimeouts(Duration.ofSeconds(2), callTimeout);
        UpstreamHttp transport = transport(timeouts.connect());
        transports.add(transport);
        return new HttpAdapterSupport(transport, new UpstreamFailures(clock),
                new EnvironmentApiKeySource(Map.of(PROVIDER.toUpperCase().replace('-', '_') + "_API_KEY", CANARY_KEY)),
                timeouts, new EstimatingTokenCounter(), clock);
    }

    protected ChatProvider provider() {
        return provider(upstream.baseUri(), support(Duration.ofSeconds(10)));
    }

    protected ChatRequest request() {
        return new ChatRequest("test-model", List.of(new ChatMessage("system", "Answer briefly."),
                ChatMessage.user("Say hello.")), 64);
    }

    protected ProviderException failure(FakeUpstream.Reply reply) {
        upstream.enqueue(reply);
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(request()));
        assertSafe(e);
        return e;
    }

    protected static void assertSafe(ProviderException e) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().contains(CANARY_KEY), "the key reached an exception message: " + e.getMessage());
        assertFalse(e.getMessage().contains("upstream says"), "the upstream's error text was echoed: " + e.getMessage());
        assertEquals(PROVIDER, e.provider());
    }

    /** The upstream's own error text, with the key in it, as a careless upstream might send it. */
    protected static String upstreamText(String what) {
        return "upstream says " + what + " for key " + CANARY_KEY;
    }

    @Test
    void answersFromADocumentedSuccessBody() {
        upstream.enqueue(success());
        ChatResponse response = provider().complete(request());
        assertEquals(successText(), response.text());
        assertTrue(response.usage().inputTokens() > 0, "input tokens");
        assertAuthenticated(upstream.onlyRequest(), CANARY_KEY);
    }

    @Test
    void streamsTextDeltasThenOneLastChunk() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), streamPieces()));
        List<StreamChunk> chunks = new ArrayList<>();
        provider().stream(request(), chunks::add);
        assertFalse(chunks.isEmpty());
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.isLast(), "the stream ends with its last chunk");
        assertEquals(1, chunks.stream().filter(StreamChunk::isLast).count(), "exactly one last chunk");
        assertNotNull(last.finishReason());
        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertAuthenticated(upstream.onlyRequest(), CANARY_KEY);
    }

    @Test
    void badRequestIsRejectedAndNotRetried() {
        ProviderException e = failure(error(400, upstreamText("invalid request")));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals(400, e.status());
        assertFalse(e.retryable());
        assertFalse(e.fallbackAllowed());
    }

    @Test
    void wrongKeyIsUnauthorizedAndFallsBack() {
        ProviderException e = failure(error(401, upstreamText("invalid api key")));
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void unknownModelIsNotFoundAndFallsBack() {
        ProviderException e = failure(error(404, upstreamText("model not found")));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void rateLimitCarriesRetryAfterAndIsNoBreakerFailure() {
        ProviderException e = failure(error(429, upstreamText("rate limited")).header("Retry-After", "7"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertTrue(e.retryable());
        assertFalse(e.breakerFailure());
    }

    @Test
    void serverErrorIsRetryable() {
        ProviderException e = failure(error(500, upstreamText("internal error")));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(500, e.status());
        assertTrue(e.retryable());
        assertTrue(e.breakerFailure());
    }

    @Test
    void unavailableHonoursAnHttpDateRetryAfter() {
        ProviderException e = failure(error(503, upstreamText("overloaded"))
                .header("Retry-After", "Sat, 28 Nov 2026 12:00:03 GMT"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    @Test
    void contextTooLongMayFallBackToALargerContext() {
        ProviderException e = failure(contextTooLong(upstreamText("too many tokens")));
        assertEquals(Kind.CONTEXT_TOO_LONG, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
    }

    @Test
    void silenceIsATimeout() {
        upstream.enqueue(FakeUpstream.Reply.silence());
        ChatProvider slow = provider(upstream.baseUri(), support(Duration.ofMillis(300)));
        ProviderException e = assertThrows(ProviderException.class, () -> slow.complete(request()));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void aWholeAnswerThatStallsAfterItsHeadersIsATimeout() {
        String body = success().body();
        upstream.enqueue(FakeUpstream.Reply.stall("application/json", List.of(body.substring(0, body.length() / 2))));
        ChatProvider impatient = provider(upstream.baseUri(), support(Duration.ofMillis(300)));
        ProviderException e = assertThrows(ProviderException.class, () -> impatient.complete(request()));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void connectionResetIsUnavailable() {
        ProviderException e = failure(FakeUpstream.Reply.reset());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void malformedJsonIsUnavailable() {
        ProviderException e = failure(FakeUpstream.Reply.json(200, "{\"id\": \"x\", \"choi"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void anHtmlErrorPageIsClassifiedByItsStatus() {
        ProviderException e = failure(FakeUpstream.Reply.json(502, "<html><body>Bad gateway</body></html>")
                .contentType("text/html"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(502, e.status());
    }

    @Test
    void aStreamCutMidAnswerFailsAfterWhatCame() {
        List<String> pieces = streamPieces();
        CountDownLatch firstChunk = new CountDownLatch(1);
        upstream.enqueue(FakeUpstream.Reply.cutAfter(streamContentType(), pieces.subList(0, pieces.size() / 2),
                firstChunk));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunk -> {
            chunks.add(chunk);
            firstChunk.countDown();
        }));
        assertSafe(e);
        assertTrue(e.fallbackAllowed());
        assertFalse(chunks.isEmpty(), "what came before the cut is delivered");
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a cut stream must not end as if whole");
    }

    @Test
    void aStreamThatStallsMidAnswerTimesOut() {
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stall(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        ChatProvider impatient = provider(upstream.baseUri(), support(Duration.ofMillis(300)));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> impatient.stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a stalled stream must not end as if whole");
    }

    @Test
    void aStreamStartedCloseToTheDeadlineMayGoQuietAsLongAsACallMayTake() {
        // The deadline (200 ms away on the fixed clock) cuts the wait for the stream's start, not each
        // silence after it: two halves 400 ms apart must arrive whole.
        List<String> pieces = streamPieces();
        int half = pieces.size() / 2;
        List<byte[]> halves = List.of(String.join("", pieces.subList(0, half)).getBytes(StandardCharsets.UTF_8),
                String.join("", pieces.subList(half, pieces.size())).getBytes(StandardCharsets.UTF_8));
        upstream.enqueue(new FakeUpstream.Paced(streamContentType(), halves, Duration.ofMillis(400)));
        List<StreamChunk> chunks = new ArrayList<>();

        provider().stream(request().withDeadline(NOW.plusMillis(200)), chunks::add);

        assertEquals(streamText(), chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertTrue(chunks.get(chunks.size() - 1).isLast(), "the stream ended whole");
    }

    @Test
    void aStreamThatEndsCleanlyButEarlyFails() {
        List<String> pieces = streamPieces();
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), pieces.subList(0, pieces.size() / 2)));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a truncated stream must not end as if whole");
    }

    @Test
    void anEmptyStreamFailsWithoutChunks() {
        upstream.enqueue(FakeUpstream.Reply.stream(streamContentType(), List.of()));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aStreamRefusedBeforeItsFirstByteIsClassifiedLikeACall() {
        upstream.enqueue(error(429, upstreamText("slow down")).header("Retry-After", "2"));
        List<StreamChunk> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void withoutAKeyNothingIsSent() {
        HttpAdapterSupport base = support(Duration.ofSeconds(10));
        HttpAdapterSupport keyless = new HttpAdapterSupport(base.http(), base.failures(),
                new EnvironmentApiKeySource(Map.of()), base.timeouts(), base.tokens(), base.clock());
        ChatProvider provider = provider(upstream.baseUri(), keyless);
        if (!requiresKey()) {
            return;
        }
        ProviderException e = assertThrows(ProviderException.class, () -> provider.complete(request()));
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("UPSTREAM_UNDER_TEST_API_KEY"), e.getMessage());
        assertTrue(upstream.requests().isEmpty(), "no request without a key");
    }

    /** Whether the protocol refuses to call without a key (an OpenAI-compatible local server may not). */
    protected boolean requiresKey() {
        return true;
    }
}
