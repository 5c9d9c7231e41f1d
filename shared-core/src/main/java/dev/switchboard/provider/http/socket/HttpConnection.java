package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.http.StreamCutOffException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** One HTTP/1.1 connection to an origin: a socket (TLS for https), buffered both ways. */
final class HttpConnection implements AutoCloseable {

    private final Origin origin;
    private final Socket socket;
    private final ConnectionInput in;
    private final OutputStream out;
    /** The TCP socket itself (under TLS, the one the TLS socket wraps): closing it sends nothing. */
    private final Socket plain;
    private boolean reused;
    private long idleSinceNanos;

    private HttpConnection(Origin origin, Socket socket, Socket plain) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.plain = plain;
        this.in = new ConnectionInput(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Connects, and for https completes the TLS handshake, within {@code connectMillis} in all. */
    static HttpConnection open(Origin origin, int connectMillis, SSLSocketFactory tls) throws IOException {
        long started = System.nanoTime();
        // No proxy, not even a SOCKS one from socksProxyHost: the JDK client never uses SOCKS either,
        // and calls that go through an HTTP proxy are sent by it (ProxyRoutedUpstreamHttp).
        Socket plain = new Socket(Proxy.NO_PROXY);
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(origin.host(), origin.port()), connectMillis);
            if (!origin.tls()) {
                return new HttpConnection(origin, plain, plain);
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, origin.host(), origin.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            long spentMillis = (System.nanoTime() - started) / 1_000_000;
            secure.setSoTimeout((int) Math.max(1, connectMillis - spentMillis));
            secure.startHandshake();
            return new HttpConnection(origin, secure, plain);
        } catch (IOException | RuntimeException e) {
            closeQuietly(plain);
            throw e;
        }
    }

    /** Marks it as taken from the pool: the server may have closed it meanwhile. */
    HttpConnection reused() {
        reused = true;
        return this;
    }

    Origin origin() {
        return origin;
    }

    boolean wasReused() {
        return reused;
    }


    ConnectionInput in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    void readTimeoutMillis(int millis) throws SocketException {
        socket.setSoTimeout(Math.max(1, millis));
    }

    /** Holds every read from now on to {@code deadline} (a System.nanoTime value): one past it is a timeout. */
    void readsUntil(long deadline) {
        in.guard(() -> readTimeoutMillis(millisUntil(deadline)));
    }

    /**
     * Each read from now on waits up to {@code idleMillis}, and none past {@code cutoff} (a System.nanoTime
     * value): one that would starts with the time left, and one due after it is cut at once.
     */
    void readsWithin(int idleMillis, long cutoff) {
        in.guard(() -> {
            long left = cutoff - System.nanoTime();
            if (left <= 0) {
                throw new StreamCutOffException();
            }
            // Rounded up, so that a read timed out by the cutoff ends at or after it, never just before.
            long leftMillis = (left + 999_999) / 1_000_000;
            readTimeoutMillis((int) Math.min(idleMillis, leftMillis));
        });
    }

    /** Each read waits up to the read timeout again. */
    void readsUnbounded() {
        in.guard(null);
    }

    /** Milliseconds left until {@code deadline}, at least 1; a timeout once it has passed. */
    static int millisUntil(long deadline) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("no answer in time");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }

    /** Whether nothing unasked-for waits to be read: bytes left over from an answer, or a server's farewell. */
    boolean quiet() {
        try {
            return in.available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the answer's first byte: false when the connection ended before any. */
    boolean awaitAnswer() throws IOException {
        return in.awaitData();
    }

    void markIdle(long nanos) {
        idleSinceNanos = nanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /**
     * Closes the TCP socket itself, under TLS too, and at once, from any thread (a blocked call on it
     * then fails). No TLS close_notify is sent: its exchange can wait up to a read timeout for the
     * peer, and a close from another thread would first wait for the lock a blocked write holds.
     * Nothing is lost by skipping it: HTTP's own framing says where each answer ends. The TLS socket
     * itself holds no descriptor of its own; its cipher state goes with the garbage collector.
     */
    @Override
    public void close() {
        closeQuietly(plain);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
