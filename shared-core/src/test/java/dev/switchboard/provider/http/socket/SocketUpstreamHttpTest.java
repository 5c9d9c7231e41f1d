package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamResponse;
import dev.switchboard.provider.http.UpstreamStream;
import dev.switchboard.provider.http.socket.RawHttpServer.After;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketUpstreamHttpTest {

    private static final String OK_HELLO = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nhello";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private RawHttpServer server;
    private ConnectionPool pool;
    private SocketUpstreamHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer();
        pool = new ConnectionPool(TimeUnit.SECONDS.toNanos(30), 4, nanos::get);
        // A wide window: a test that expects a stale connection's retry must not depend on the machine's load.
        http = new SocketUpstreamHttp(Duration.ofSeconds(2), pool, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    private UpstreamRequest request(String body, Duration timeout) {
        return new UpstreamRequest("p", server.uri("/v1/chat/completions?alt=sse"),
                Map.of("Authorization", "Bearer sk-test"), body, timeout);
    }

    private UpstreamRequest request() {
        return request("{\"q\":\"é\"}", Duration.ofSeconds(5));
    }

    @Test
    void writesOnePostWithTheBodysLengthInBytesAndTheCallersHeaders() {
        server.answer(OK_HELLO, After.KEEP);

        UpstreamResponse response = http.post(request());

        assertEquals(200, response.status());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), response.body());
        RawHttpServer.Received sent = server.received().get(0);
        assertTrue(sent.head().startsWith("POST /v1/chat/completions?alt=sse HTTP/1.1\r\n"), sent.head());
        assertTrue(sent.head().contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), sent.head());
        assertTrue(sent.head().contains("\r\nContent-Type: application/json\r\n"), sent.head());
        assertTrue(sent.head().contains("\r\nContent-Length: 10\r\n"), sent.head());
        assertTrue(sent.head().contains("\r\nAuthorization: Bearer sk-test\r\n"), sent.head());
        assertTrue(sent.head().contains("\r\nUser-Agent: switchboard\r\n"), sent.head());
        assertEquals("{\"q\":\"é\"}", sent.body());
    }

    @Test
    void aConnectionWhoseAnswerWasReadWholeServesTheNextCall() {
        server.answer(OK_HELLO, After.KEEP).answer(OK_HELLO, After.KEEP);

        http.post(request());
        http.post(request());

        assertEquals(1, server.connections());
        assertEquals(List.of(1, 1), server.received().stream().map(RawHttpServer.Received::connection).toList());
    }

    @Test
    void aChunkedBodyIsDecodedWithItsExtensionsAndTrailerAndTheConnectionKept() {
        server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n", After.KEEP)
                .answer(OK_HELLO, After.KEEP);

        assertEquals("hello, world", new String(http.post(request()).body(), StandardCharsets.UTF_8));
        http.post(request());

        assertEquals(1, server.connections());
    }

    @Test
    void aServerThatSaysCloseGetsANewConnectionNextTime() {
        // The server leaves the socket open: only the header can keep the connection out of the pool.
        server.answer("HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 5\r\n\r\nhello", After.KEEP)
                .answer(OK_HELLO, After.KEEP);

        http.post(request());
        assertEquals(0, pool.idleCount());
        http.post(request());

        assertEquals(2, server.connections());
    }

    @Test
    void anHttp10AnswerKeepsItsConnectionOnlyWhenItSaysKeepAlive() {
        server.answer("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello", After.KEEP)
                .answer("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 5\r\n\r\nhello", After.KEEP);

        http.post(request());
        assertEquals(0, pool.idleCount());
        http.post(request());
        assertEquals(1, pool.idleCount());
    }

    @Test
    void aBodyWithoutLengthRunsToTheConnectionsEndAndIsNotKept() {
        server.answer("HTTP/1.1 200 OK\r\n\r\nuntil the end", After.CLOSE);

        assertEquals("until the end", new String(http.post(request()).body(), StandardCharsets.UTF_8));

        assertEquals(0, pool.idleCount());
    }

    @Test
    void transferEncodingWinsOverContentLength() {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n", After.KEEP);

        assertEquals("ok", new String(http.post(request()).body(), StandardCharsets.UTF_8));
        assertEquals(1, pool.idleCount());
    }

    @Test
    void bytesBeyondTheAnswerKeepItsConnectionOutOfThePool() {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 408 Request Timeout\r\n\r\n",
                After.KEEP);

        assertEquals("hello", new String(http.post(request()).body(), StandardCharsets.UTF_8));

        assertEquals(0, pool.idleCount());
    }

    @Test
    void aChunksDataIsDeliveredWithoutWaitingForTheLineEndAfterIt() throws IOException {
        // An SSE event must reach the caller as soon as its bytes are in, whatever comes after them.
        server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello", After.SILENCE);

        try (UpstreamStream stream = http.postStreaming(request("{}", Duration.ofSeconds(30)))) {
            assertEquals("hello", new String(stream.body().readNBytes(5), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anAnswerThatCannotBeReadOnAKeptConnectionIsNotSentAgain() {
        server.answer(OK_HELLO, After.KEEP).answer("HTTP/9 what\r\n\r\n", After.KEEP);

        http.post(request());
        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request()));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(2, server.received().size());
        assertEquals(1, server.connections());
    }

    @Test
    void aBodyClosedBeforeItsEndDoesNotLeaveItsConnectionForTheNextCall() throws IOException {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", After.SILENCE).answer(OK_HELLO, After.KEEP);

        try (UpstreamStream stream = http.postStreaming(request())) {
            assertEquals('0', stream.body().read());
        }
        http.post(request());

        assertEquals(2, server.connections());
    }

    @Test
    void aKeptConnectionTheServerClosedMeanwhileIsReplacedWithoutAFailure() {
        // The server closes after answering, without saying so: the kept connection is dead on next use.
        server.answer(OK_HELLO, After.CLOSE).answer(OK_HELLO, After.KEEP);

        http.post(request());
        UpstreamResponse second = http.post(request());

        assertEquals(200, second.status());
        assertEquals(2, server.connections());
    }

    @Test
    void aKeptConnectionThatClosesLongAfterTheRequestWasWrittenIsAFailureNotARetry() {
        // The server had the request for longer than a stale connection's close takes to arrive: it may
        // have acted on it, so it is not sent again.
        server.answer(OK_HELLO, After.KEEP).closeAfter(Duration.ofSeconds(1)).answer(OK_HELLO, After.KEEP);
        try (SocketUpstreamHttp narrow = new SocketUpstreamHttp(Duration.ofSeconds(2), pool, Duration.ofMillis(100))) {
            narrow.post(request());

            ProviderException e = assertThrows(ProviderException.class, () -> narrow.post(request()));

            assertEquals(Kind.UNAVAILABLE, e.kind());
            assertEquals(2, server.received().size(), "the second request went out once");
            assertEquals(1, server.connections());
        }
    }

    @Test
    void aCallAfterCloseIsRefusedWithoutConnecting() {
        http.close();

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request()));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(0, server.connections());
    }

    @Test
    void aConnectionIdleLongerThanThePoolKeepsThemIsNotReused() {
        server.answer(OK_HELLO, After.KEEP).answer(OK_HELLO, After.KEEP);

        http.post(request());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(31));
        http.post(request());

        assertEquals(2, server.connections());
    }

    @Test
    void interimAnswersAreSkipped() {
        server.answer("HTTP/1.1 100 Continue\r\n\r\n" + OK_HELLO, After.KEEP);

        assertEquals(200, http.post(request()).status());
    }

    @Test
    void anErrorStatusIsReturnedWithItsBody() {
        server.answer("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 2\r\n\r\n{}", After.KEEP);

        UpstreamResponse response = http.post(request());

        assertEquals(429, response.status());
        assertEquals("7", response.header("retry-after").orElseThrow());
    }

    @Test
    void noHeadWithinTheCallTimeoutIsATimeout() {
        server.answer("", After.SILENCE);

        ProviderException e = assertThrows(ProviderException.class,
                () -> http.post(request("{}", Duration.ofMillis(200))));

        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void aHeadTrickledOutSlowerThanTheCallTimeoutIsATimeoutThoughNoReadWaitsThatLong() {
        // 40 bytes 100 ms apart: each read waits far less than the 400 ms timeout; the head takes 4 s.
        server.trickle("HTTP/1.1 200 OK\r\nX-Slow: 0123456789\r\n\r\n", Duration.ofMillis(100));
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class,
                () -> http.post(request("{}", Duration.ofMillis(400))));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "cut at the deadline, not the head's end");
    }

    @Test
    void aBodyThatFallsSilentLongerThanTheCallTimeoutFailsItsRead() throws IOException {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", After.SILENCE);

        try (UpstreamStream stream = http.postStreaming(request("{}", Duration.ofMillis(200)))) {
            InputStream body = stream.body();
            assertEquals(5, body.readNBytes(5).length);
            assertThrows(HttpTimeoutException.class, body::read);
        }
    }

    @Test
    void aBodyCutShortIsAFailureNotAShortAnswer() {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", After.CLOSE);

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request()));

        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void somethingThatIsNotHttpIsUnavailable() {
        server.answer("SSH-2.0-OpenSSH_9.6\r\n\r\n", After.CLOSE);

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request()));

        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        UpstreamRequest toNothing = new UpstreamRequest("p", URI.create("http://127.0.0.1:" + port + "/"), Map.of(),
                "{}", Duration.ofSeconds(1));

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(toNothing));

        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void aHeaderWithALineBreakIsRefusedWithoutQuotingIt() {
        UpstreamRequest injected = new UpstreamRequest("p", server.uri("/"),
                Map.of("x-key", "sk-secret\r\nX-Evil: 1"), "{}", Duration.ofSeconds(1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> http.post(injected));

        assertFalse(e.getMessage().contains("sk-secret"), e.getMessage());
        assertTrue(server.received().isEmpty());
    }

    @Test
    @Timeout(30)
    void aLargeRequestTheServerNeverReadsIsCutAtTheDeadline() throws IOException {
        // Nothing accepts: the kernel takes the connection, then the send buffers fill and the write blocks.
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String large = "{\"text\":\"" + "x".repeat(24 * 1024 * 1024) + "\"}";
            UpstreamRequest request = new UpstreamRequest("p", URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/"),
                    Map.of(), large, Duration.ofMillis(500));

            ProviderException e = assertThrows(ProviderException.class, () -> http.post(request));

            assertEquals(Kind.TIMEOUT, e.kind());
        }
    }
}
