package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.SafeFailures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the wire-format suites share: the fake upstream, the adapter a protocol's suite builds, the
 * protocol's documented bodies, and the check that the key reached no log line.
 */
public abstract class UpstreamContractSupport {

    /** A key no real provider issued, easy to find in any text it leaks into. */
    protected static final String CANARY_KEY = "sk-CANARY-7f3a9c1e-never-print-me";
    protected static final String PROVIDER = "upstream-under-test";
    protected static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    protected FakeUpstream upstream;
    private LogLines logs;
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

    /** A piece of the protocol's stream that makes no chunk: an SSE comment unless the protocol has its own. */
    protected String noChunkPiece() {
        return ": keep-alive\n\n";
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
        logs = new LogLines();
    }

    @AfterEach
    void stopUpstreamAndCheckLogs() {
        upstream.close();
        transports.forEach(UpstreamHttp::close);
        logs.close();
        for (String line : logs.lines()) {
            assertFalse(line.contains(CANARY_KEY), "the key reached a log line: " + line.split(" ")[1]);
        }
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
        SafeFailures.assertSafe(e, PROVIDER, CANARY_KEY);
    }

    /** The upstream's own error text, with the key in it, as a careless upstream might send it. */
    protected static String upstreamText(String what) {
        return "upstream says " + what + " for key " + CANARY_KEY;
    }
}
