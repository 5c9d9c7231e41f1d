package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.http.StreamCutOffException;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamStream;
import dev.switchboard.provider.http.socket.RawHttpServer.After;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's cutoff on the socket transport: it bounds the whole body, quiet or trickling, counted from
 * the call's start; a body read whole before it is untouched, and its connection's next call is not cut.
 */
class SocketStreamCutoffTest {

    private static final String STREAM_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    private RawHttpServer server;
    private SocketUpstreamHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer();
        http = new SocketUpstreamHttp(Duration.ofSeconds(2),
                new ConnectionPool(TimeUnit.SECONDS.toNanos(30), 4, System::nanoTime), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    /** A stream whose silences may last 10 s, cut {@code cutoff} after it starts. */
    private UpstreamRequest streaming(Duration cutoff) {
        return new UpstreamRequest("p", server.uri("/v1/chat/completions"), Map.of(), "{}", Duration.ofSeconds(10))
                .withCutoff(cutoff);
    }

    @Test
    void aBodyThatGoesQuietIsCutAtTheCutoffNotAtItsSilenceLimit() throws IOException {
        server.answer(STREAM_HEAD + "7\r\ndata: a\r\n", After.SILENCE);
        long started = System.nanoTime();

        try (UpstreamStream stream = http.postStreaming(streaming(Duration.ofMillis(250)))) {
            InputStream body = stream.body();
            assertEquals("data: a", new String(body.readNBytes(7), StandardCharsets.UTF_8));
            assertThrows(StreamCutOffException.class, body::read);
        }

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis >= 250 && tookMillis < 5_000, tookMillis + " ms");
    }

    @Test
    void aBodyThatNeverGoesQuietIsCutAtTheCutoffToo() throws IOException {
        // A byte every 5 ms, the head's too, for 3 s in all: each silence is far inside the limit.
        server.trickle(STREAM_HEAD + "1f4\r\n" + ":".repeat(500), Duration.ofMillis(5));
        long started = System.nanoTime();

        try (UpstreamStream stream = http.postStreaming(streaming(Duration.ofMillis(1_000)))) {
            assertThrows(StreamCutOffException.class, () -> stream.body().readAllBytes());
        }

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis >= 1_000 && tookMillis < 2_500, tookMillis + " ms");
    }

    @Test
    void withoutACutoffAQuietBodyWaitsForItsSilenceLimit() throws IOException {
        server.answer(STREAM_HEAD + "7\r\ndata: a\r\n", After.SILENCE);
        UpstreamRequest patient = new UpstreamRequest("p", server.uri("/"), Map.of(), "{}", Duration.ofMillis(300));

        try (UpstreamStream stream = http.postStreaming(patient)) {
            stream.body().readNBytes(7);
            HttpTimeoutException e = assertThrows(HttpTimeoutException.class, stream.body()::read);
            assertFalse(e instanceof StreamCutOffException, e.getMessage());
        }
    }

    @Test
    void aBodyReadWholeBeforeTheCutoffKeepsItsConnectionAndTheNextCallIsNotCut() throws IOException {
        // The next answer comes after the first call's cutoff has passed, on the same connection.
        server.answer(STREAM_HEAD + "7\r\ndata: a\r\n0\r\n\r\n", After.KEEP)
                .answerAfter(Duration.ofMillis(400), "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", After.KEEP);

        try (UpstreamStream stream = http.postStreaming(streaming(Duration.ofMillis(200)))) {
            assertEquals("data: a", new String(stream.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] next = http.post(new UpstreamRequest("p", server.uri("/next"), Map.of(), "{}", Duration.ofSeconds(5)))
                .body();

        assertEquals("hello", new String(next, StandardCharsets.UTF_8));
        assertEquals(1, server.connections());
    }
}
