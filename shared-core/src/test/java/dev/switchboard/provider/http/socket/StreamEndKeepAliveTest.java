package dev.switchboard.provider.http.socket;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamStream;
import dev.switchboard.provider.http.UpstreamTimeouts;
import dev.switchboard.provider.http.socket.RawHttpServer.After;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stream its caller stops at the protocol's end marker: the connection is kept when only the
 * body's framing follows, promptly and briefly; otherwise it is closed, as a stream cut short is.
 */
class StreamEndKeepAliveTest {

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    private static final String DONE_EVENT = "data: [DONE]\n\n";
    private static final String OK_HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

    private RawHttpServer server;
    private ConnectionPool pool;
    private SocketUpstreamHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer();
        pool = new ConnectionPool(TimeUnit.SECONDS.toNanos(30), 4, System::nanoTime);
        http = new SocketUpstreamHttp(Duration.ofSeconds(2), pool);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    /** Streams, reads the one event the server sends, says its end marker was read and closes. */
    private void streamToTheEndMarker(boolean markerRead) throws IOException {
        UpstreamRequest request = new UpstreamRequest("p", server.uri("/v1/chat/completions"), Map.of(), "{}",
                Duration.ofSeconds(5));
        try (UpstreamStream stream = http.postStreaming(request)) {
            byte[] event = stream.body().readNBytes(DONE_EVENT.length());
            assertEquals(DONE_EVENT, new String(event, StandardCharsets.UTF_8));
            if (markerRead) {
                stream.endMarkerRead();
            }
        }
    }

    @Test
    void theLastChunkAfterTheEndMarkerIsReadAndTheConnectionServesTheNextCall() throws IOException {
        server.answer(HEAD + chunk(DONE_EVENT) + "0\r\n\r\n", After.KEEP).answer(OK_HELLO, After.KEEP);

        streamToTheEndMarker(true);
        assertEquals(1, pool.idleCount());
        http.post(new UpstreamRequest("p", server.uri("/next"), Map.of(), "{}", Duration.ofSeconds(5)));

        assertEquals(1, server.connections());
    }

    @Test
    void anAdapterStreamingThroughTheSupportKeepsTheConnectionWhenItsParserStopsAtTheEndMarker() {
        server.answer(HEAD + chunk("data: {\"n\":1}\n\n") + chunk(DONE_EVENT) + "0\r\n\r\n", After.KEEP)
                .answer(OK_HELLO, After.KEEP);
        MutableClock clock = new MutableClock();
        HttpAdapterSupport support = new HttpAdapterSupport(http, new UpstreamFailures(clock),
                new EnvironmentApiKeySource(Map.of()), new UpstreamTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new EstimatingTokenCounter(), clock);
        List<String> events = new ArrayList<>();

        support.streamEvents(new ChatRequest("m", List.of(ChatMessage.user("hi")), 8), new UpstreamRequest("p",
                server.uri("/v1/chat/completions"), Map.of(), "{}", Duration.ofSeconds(5)), response -> null, event -> {
                    events.add(event.data());
                    return !event.data().equals("[DONE]");
                });
        http.post(new UpstreamRequest("p", server.uri("/next"), Map.of(), "{}", Duration.ofSeconds(5)));

        assertEquals(List.of("{\"n\":1}", "[DONE]"), events);
        assertEquals(1, server.connections());
    }

    @Test
    void aStreamClosedWithoutItsEndMarkerReadIsNotFinishedButClosed() throws IOException {
        server.answer(HEAD + chunk(DONE_EVENT) + "0\r\n\r\n", After.KEEP);

        streamToTheEndMarker(false);

        assertEquals(0, pool.idleCount());
    }

    @Test
    void aServerThatLingersAfterTheEndMarkerLosesTheConnection() throws IOException {
        // The last chunk never comes: the close waits its short while, then closes the connection.
        server.answer(HEAD + chunk(DONE_EVENT), After.SILENCE).answer(OK_HELLO, After.KEEP);

        streamToTheEndMarker(true);
        assertEquals(0, pool.idleCount());
        http.post(new UpstreamRequest("p", server.uri("/next"), Map.of(), "{}", Duration.ofSeconds(5)));

        assertEquals(2, server.connections());
    }

    @Test
    void moreThanFramingAfterTheEndMarkerIsNotReadToKeepTheConnection() throws IOException {
        String more = "x".repeat(ResponseBody.REST_LIMIT + 1);
        server.answer(HEAD + chunk(DONE_EVENT) + chunk(more) + "0\r\n\r\n", After.KEEP);

        streamToTheEndMarker(true);

        assertEquals(0, pool.idleCount());
    }
}
