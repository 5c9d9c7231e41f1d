package dev.switchboard.provider.http.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** One HTTP/1.1 connection to an origin: a socket (TLS for https), buffered both ways. */
final class HttpConnection implements AutoCloseable {

    private final Origin origin;
    private final Socket socket;
    private final ConnectionInput in;
    private final OutputStream out;
    private boolean reused;
    private long idleSinceNanos;

    private HttpConnection(Origin origin, Socket socket) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = new ConnectionInput(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Connects within {@code connectMillis}; for https the handshake must also end within it. */
    static HttpConnection open(Origin origin, int connectMillis, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(origin.host(), origin.port()), connectMillis);
            if (!origin.tls()) {
                return new HttpConnection(origin, plain);
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, origin.host(), origin.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(connectMillis);
            secure.startHandshake();
            return new HttpConnection(origin, secure);
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

    boolean isClosed() {
        return socket.isClosed();
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    void readTimeoutMillis(int millis) throws SocketException {
        socket.setSoTimeout(Math.max(1, millis));
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

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
