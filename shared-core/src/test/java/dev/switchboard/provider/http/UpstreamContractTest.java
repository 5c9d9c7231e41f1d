package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wire-format suite every HTTP adapter passes: success, streaming and each way an upstream
 * fails, against a {@link FakeUpstream} that answers with the protocol's documented bodies. A
 * subclass says how to build its adapter and what its protocol's bodies look like; this class
 * says what must happen. Every case runs with a recognisable key, and the key must appear in no
 * exception message and no log line, even when the upstream's error body quotes it.
 */
public abstract class UpstreamContractTest extends UpstreamStreamContractTest {

    @Test
    void answersFromADocumentedSuccessBody() {
        upstream.enqueue(success());
        ChatResponse response = provider().complete(request());
        assertEquals(successText(), response.text());
        assertTrue(response.usage().inputTokens() > 0, "input tokens");
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
    void paymentRequiredIsAnUnusableAccountSoTheNextProviderAnswersAndTheBreakerCounts() {
        ProviderException e = failure(error(402, upstreamText("billing problem")));
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(402, e.status());
        assertFalse(e.retryable());
        assertTrue(e.fallbackAllowed());
        assertTrue(e.breakerFailure());
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
