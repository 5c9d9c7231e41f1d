package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpAdapterSupportTest {

    private final MutableClock clock = new MutableClock();
    private final JdkUpstreamHttp http = new JdkUpstreamHttp(Duration.ofSeconds(1));
    private final HttpAdapterSupport support = new HttpAdapterSupport(http, new UpstreamFailures(clock),
            new EnvironmentApiKeySource(Map.of()), new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)),
            new EstimatingTokenCounter(), clock);
    private final ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 10);

    @AfterEach
    void closeTransport() {
        http.close();
    }

    @Test
    void withoutADeadlineACallHasTheCallTimeout() {
        assertEquals(Duration.ofSeconds(60), support.callTimeout("p", request));
    }

    @Test
    void aDeadlineSoonerThanTheCallTimeoutShortensIt() {
        ChatRequest later = request.withDeadline(clock.instant().plusSeconds(90));
        ChatRequest sooner = request.withDeadline(clock.instant().plusSeconds(7));
        assertEquals(Duration.ofSeconds(60), support.callTimeout("p", later));
        assertEquals(Duration.ofSeconds(7), support.callTimeout("p", sooner));
    }

    @Test
    void aPassedDeadlineFailsAsATimeoutBeforeAnythingIsSent() {
        ChatRequest late = request.withDeadline(clock.instant());
        clock.advance(Duration.ofMillis(1));
        ProviderException e = assertThrows(ProviderException.class, () -> support.callTimeout("p", late));
        assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void aStreamStoppedAtItsEndMarkerIsClosedAsFinishedAndOneReadToItsEndIsClosedPlainly() {
        List<String> closes = new ArrayList<>();
        HttpAdapterSupport streams = new HttpAdapterSupport(
                call -> new UpstreamStream(200, Map.of(), new RecordingBody("data: a\n\ndata: b\n\n", closes)),
                new UpstreamFailures(clock), new EnvironmentApiKeySource(Map.of()),
                new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)), new EstimatingTokenCounter(), clock);
        UpstreamRequest call = new UpstreamRequest("p", URI.create("http://127.0.0.1:9/"), Map.of(), "{}",
                Duration.ofSeconds(5));

        streams.streamEvents(request, call, response -> null, event -> !event.data().equals("a"));
        streams.streamEvents(request, call, response -> null, event -> true);

        assertEquals(List.of("closeAfterEnd", "close"), closes);
    }

    @Test
    void aStreamIsCutAtTheTimeLeftBeforeTheDeadlineOnlyWhereTheDeadlineEndsIt() {
        List<UpstreamRequest> sent = new ArrayList<>();
        HttpAdapterSupport streams = recording(sent);
        UpstreamRequest call = new UpstreamRequest("p", URI.create("http://127.0.0.1:9/"), Map.of(), "{}",
                Duration.ofSeconds(7));

        streams.streamEvents(request.withDeadline(clock.instant().plusSeconds(7), true), call, r -> null, e -> true);
        streams.streamEvents(request.withDeadline(clock.instant().plusSeconds(7)), call, r -> null, e -> true);
        streams.streamEvents(request, call, r -> null, e -> true);

        assertEquals(Duration.ofSeconds(7), sent.get(0).cutoff());
        assertNull(sent.get(1).cutoff());
        assertNull(sent.get(2).cutoff());
        // The silences keep their own limit, the whole call timeout: the cutoff is no silence limit.
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)),
                sent.stream().map(UpstreamRequest::silence).toList());
    }

    @Test
    void aStreamWhoseDeadlinePassedIsNotSent() {
        List<UpstreamRequest> sent = new ArrayList<>();
        HttpAdapterSupport streams = recording(sent);
        ChatRequest late = request.withDeadline(clock.instant(), true);
        UpstreamRequest call = new UpstreamRequest("p", URI.create("http://127.0.0.1:9/"), Map.of(), "{}",
                Duration.ofSeconds(7));

        ProviderException e = assertThrows(ProviderException.class,
                () -> streams.streamEvents(late, call, r -> null, ev -> true));

        assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
        assertTrue(sent.isEmpty());
    }

    /** Support over a transport that keeps each request and answers it with an empty stream. */
    private HttpAdapterSupport recording(List<UpstreamRequest> sent) {
        return new HttpAdapterSupport(call -> {
            sent.add(call);
            return new UpstreamStream(200, Map.of(), new ByteArrayInputStream(new byte[0]));
        }, new UpstreamFailures(clock), new EnvironmentApiKeySource(Map.of()),
                new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)), new EstimatingTokenCounter(), clock);
    }

    /** A body that says how it was closed. */
    private static final class RecordingBody extends ByteArrayInputStream implements KeepAliveBody {
        private final List<String> closes;

        RecordingBody(String text, List<String> closes) {
            super(text.getBytes(StandardCharsets.UTF_8));
            this.closes = closes;
        }

        @Override
        public void closeAfterEnd() {
            closes.add("closeAfterEnd");
        }

        @Override
        public void close() {
            closes.add("close");
        }
    }
}
