package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamResponse;
import dev.switchboard.provider.http.UpstreamStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS over the socket transport, against a loopback TLS server whose certificate (a test fixture,
 * self-signed, for the name "localhost" only) the client is made to trust.
 */
class SocketUpstreamHttpTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String DONE_EVENT = "data: [DONE]\n\n";

    /** What the server does on each connection. */
    private enum Mode { ANSWER, STREAM, RESET_FIRST_CONNECTION_AFTER_ONE_ANSWER, STALL_AFTER_HANDSHAKE, STALL_AFTER_REQUEST }

    private SSLServerSocket server;
    private volatile Mode mode = Mode.ANSWER;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch lastChunkSent = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private SocketUpstreamHttp http;

    @BeforeEach
    void start() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/tls/localhost.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        server = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        threads.execute(this::answerEach);

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);
        http = new SocketUpstreamHttp(Duration.ofSeconds(2), new ConnectionPool(TimeUnit.SECONDS.toNanos(30), 4,
                System::nanoTime), clientTls::getSocketFactory, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        stopped.countDown();
        http.close();
        server.close();
        threads.shutdownNow();
    }

    /** Reads each request's head and answers "secure", keeping the connection, unless the mode says otherwise. */
    private void answerEach() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                int number = connections.incrementAndGet();
                threads.execute(() -> serve(socket, number));
            } catch (Exception e) {
                return;
            }
        }
    }

    private void serve(SSLSocket socket, int number) {
        try (socket) {
            if (mode == Mode.STALL_AFTER_HANDSHAKE) {
                socket.startHandshake();
                stopped.await(1, TimeUnit.MINUTES);
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                int length = 0;
                for (; !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.skip(length);
                if (mode == Mode.STALL_AFTER_REQUEST) {
                    stopped.await(1, TimeUnit.MINUTES);
                    return;
                }
                if (mode == Mode.STREAM) {
                    // The end event and the body's last chunk in TLS records of their own, as a server flushes them.
                    out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\ne\r\n" + DONE_EVENT + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    lastChunkSent.countDown();
                    continue;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (mode == Mode.RESET_FIRST_CONNECTION_AFTER_ONE_ANSWER && number == 1) {
                    socket.setSoLinger(true, 0);
                    return;
                }
            }
        } catch (Exception e) {
            // the client went away or refused the handshake
        }
    }

    private UpstreamRequest to(String host) {
        return new UpstreamRequest("p", URI.create("https://" + host + ":" + server.getLocalPort() + "/v1/chat"),
                Map.of(), "{}", Duration.ofSeconds(5));
    }

    @Test
    void aServerWithATrustedCertificateForItsNameIsAnswered() {
        UpstreamResponse first = http.post(to("localhost"));
        UpstreamResponse second = http.post(to("localhost"));

        assertEquals("secure", new String(first.body(), StandardCharsets.US_ASCII));
        assertEquals(200, second.status());
    }

    @Test
    void aStreamStoppedAtItsEndMarkerLeavesItsConnectionForTheNextCall() throws Exception {
        mode = Mode.STREAM;
        try (UpstreamStream stream = http.postStreaming(to("localhost"))) {
            assertEquals(DONE_EVENT, new String(stream.body().readNBytes(DONE_EVENT.length()), StandardCharsets.US_ASCII));
            // Sent, if not yet read: how soon the server gets to it must not decide the test.
            assertTrue(lastChunkSent.await(10, TimeUnit.SECONDS));
            stream.endMarkerRead();
        }
        mode = Mode.ANSWER;

        assertEquals("secure", new String(http.post(to("localhost")).body(), StandardCharsets.US_ASCII));
        assertEquals(1, connections.get(), "no second handshake");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        // The certificate names "localhost" only: reached as 127.0.0.1, the host name check fails.
        ProviderException e = assertThrows(ProviderException.class, () -> http.post(to("127.0.0.1")));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }

    @Test
    void aKeptConnectionTheServerResetIsReplacedWithoutAFailure() {
        mode = Mode.RESET_FIRST_CONNECTION_AFTER_ONE_ANSWER;

        http.post(to("localhost"));
        UpstreamResponse second = http.post(to("localhost"));

        assertEquals("secure", new String(second.body(), StandardCharsets.US_ASCII));
        assertEquals(2, connections.get());
    }

    @Test
    void aServerThatNeverAnswersFailsTheCallAtItsTimeoutWithoutAWaitToCloseTheConnection() {
        // A TLS close would send close_notify and may wait a read timeout for the peer's; the
        // connection is closed under TLS instead, so the call ends at its own timeout.
        // Connected and shaken hands first, so that only the call and the close are timed.
        http.post(to("localhost"));
        mode = Mode.STALL_AFTER_REQUEST;
        UpstreamRequest request = new UpstreamRequest("p", URI.create("https://localhost:" + server.getLocalPort() + "/"),
                Map.of(), "{}", Duration.ofMillis(1500));
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(1, connections.get(), "the kept connection served the stalled call");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_500, "took " + tookMillis + " ms for a 1,500 ms timeout");
    }

    @Test
    @Timeout(30)
    void aLargeRequestTheServerStopsReadingIsCutAtTheDeadline() {
        // Under TLS a blocked write holds the lock a TLS close waits for: the cut must close the TCP socket.
        mode = Mode.STALL_AFTER_HANDSHAKE;
        String large = "{\"text\":\"" + "x".repeat(24 * 1024 * 1024) + "\"}";
        UpstreamRequest request = new UpstreamRequest("p", URI.create("https://localhost:" + server.getLocalPort() + "/"),
                Map.of(), large, Duration.ofMillis(500));

        ProviderException e = assertThrows(ProviderException.class, () -> http.post(request));

        assertEquals(Kind.TIMEOUT, e.kind());
    }
}
