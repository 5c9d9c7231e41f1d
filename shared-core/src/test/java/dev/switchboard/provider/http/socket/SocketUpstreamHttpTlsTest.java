package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
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

    private SSLServerSocket server;
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
                System::nanoTime), clientTls::getSocketFactory);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
        threads.shutdownNow();
    }

    /** Reads each request's head and answers "secure", keeping the connection. */
    private void answerEach() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> {
                    try (socket) {
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
                            out.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (Exception e) {
                        // the client went away or refused the handshake
                    }
                });
            } catch (Exception e) {
                return;
            }
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
    void aCertificateForAnotherNameIsRefused() {
        // The certificate names "localhost" only: reached as 127.0.0.1, the host name check fails.
        ProviderException e = assertThrows(ProviderException.class, () -> http.post(to("127.0.0.1")));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }
}
