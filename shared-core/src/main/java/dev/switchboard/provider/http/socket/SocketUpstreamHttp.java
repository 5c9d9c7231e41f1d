package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamHttp;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamStream;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@link UpstreamHttp} on blocking sockets: the calling thread writes the request and reads the
 * answer itself, over HTTP/1.1 connections kept per origin. No selector thread and no hand-offs
 * between threads, which the JDK client needs for every call. The call timeout bounds the whole
 * response head, then each silence while its body is read; a request's cutoff, counted from the
 * call's start, bounds the whole body.
 */
public final class SocketUpstreamHttp implements UpstreamHttp {


    /** Requests longer than this may not fit the socket's send buffer, so their write is watched. */
    static final int WATCHED_WRITE_BYTES = 32 * 1024;
    /**
     * A kept connection that ends or resets this soon after the request was written had been closed
     * by the server while it sat idle (its close arrives within a round trip), so the request is sent
     * again on a new connection. Later, the server may have acted on it: the failure stands.
     */
    static final Duration STALE_WINDOW = Duration.ofMillis(500);

    private final int connectMillis;
    private final long staleWindowNanos;
    private final ConnectionPool pool;
    private final Supplier<SSLSocketFactory> tlsSource;
    private volatile SSLSocketFactory tls;
    /** Started by the first large request; guarded by this. */
    private ScheduledExecutorService writes;
    /** Written under this; read without it by every call. */
    private volatile boolean closed;

    /** TLS with the JVM's default trust store; host names are verified. */
    public SocketUpstreamHttp(Duration connectTimeout, ConnectionPool pool) {
        this(connectTimeout, pool, SocketUpstreamHttp::defaultTls, STALE_WINDOW);
    }

    /** With another window for retrying a kept connection that failed at once: for tests. */
    SocketUpstreamHttp(Duration connectTimeout, ConnectionPool pool, Duration staleWindow) {
        this(connectTimeout, pool, SocketUpstreamHttp::defaultTls, staleWindow);
    }

    SocketUpstreamHttp(Duration connectTimeout, ConnectionPool pool, Supplier<SSLSocketFactory> tlsSource,
                       Duration staleWindow) {
        this.connectMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        this.staleWindowNanos = staleWindow.toNanos();
        this.pool = Objects.requireNonNull(pool);
        this.tlsSource = Objects.requireNonNull(tlsSource);
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    @Override
    public void prepare() {
        tls();
    }

    /** Built on first use: a function that never calls a provider does not pay for TLS at start-up. */
    private SSLSocketFactory tls() {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            factory = tlsSource.get();
            tls = factory;
        }
        return factory;
    }

    @Override
    public UpstreamStream postStreaming(UpstreamRequest request) {
        if (closed) {
            throw UpstreamFailures.shuttingDown(request.provider());
        }
        Origin origin;
        try {
            origin = Origin.of(request.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(request.provider() + " has an unusable URL: " + e.getMessage(), e);
        }
        byte[] message = RequestMessage.bytes(origin, request);
        int silenceMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, request.silence().toMillis()));
        long started = System.nanoTime();
        long deadline = started + request.timeout().toNanos();
        OptionalLong cutoff = request.cutoff() == null ? OptionalLong.empty()
                : OptionalLong.of(started + request.cutoff().toNanos());
        HttpConnection kept = pool.take(origin);
        try {
            if (kept != null) {
                UpstreamStream answer = exchange(kept, message, deadline, silenceMillis, cutoff);
                if (answer != null) {
                    return answer;
                }
                // The server had closed the kept connection before this request reached it: once more, anew.
            }
            UpstreamStream answer = exchange(open(origin, deadline), message, deadline, silenceMillis, cutoff);
            if (answer == null) {
                throw new EOFException("the connection closed before any answer");
            }
            return answer;
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            throw UpstreamFailures.fromIo(request.provider(), e instanceof HttpTimeoutException timeout ? timeout
                    : new HttpTimeoutException("no answer in time"));
        } catch (IOException e) {
            throw UpstreamFailures.fromIo(request.provider(), e);
        }
    }

    /**
     * Sends the request on {@code connection} and reads the answer's head. Returns null when a kept
     * connection turns out closed before any byte of an answer, at once (a write that fails, or an end
     * or reset within {@link #STALE_WINDOW} of the write): the server had closed it while it sat idle,
     * so the caller sends the request once more on a new connection. Any other failure stands, since
     * the server may have acted on the request.
     */
    private UpstreamStream exchange(HttpConnection connection, byte[] message, long deadline, int silenceMillis,
                                    OptionalLong cutoff) throws IOException {
        boolean done = false;
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new HttpTimeoutException("the call was cancelled");
            }
            boolean written = false;
            long writtenAt = 0;
            try {
                write(connection, message, deadline);
                writtenAt = System.nanoTime();
                written = true;
                connection.readTimeoutMillis(HttpConnection.millisUntil(deadline));
                if (!connection.awaitAnswer()) {
                    if (staleOnArrival(connection, written, writtenAt)) {
                        return null;
                    }
                    throw new EOFException("the connection closed before any answer");
                }
            } catch (SocketException e) {
                // A reset or broken pipe. A write cut at the deadline comes as an HttpTimeoutException
                // instead, and is not retried.
                if (staleOnArrival(connection, written, writtenAt)) {
                    return null;
                }
                throw e;
            }
            // The whole head within the call's deadline, however the server spaces its bytes.
            connection.readsUntil(deadline);
            ResponseHead head = ResponseHead.read(connection.in());
            connection.readsUnbounded();
            connection.readTimeoutMillis(silenceMillis);
            ResponseBody body = ResponseBody.of(connection, head, pool::give, silenceMillis, cutoff);
            done = true;
            return new UpstreamStream(head.status(), head.headers(), body);
        } finally {
            if (!done) {
                connection.close();
            }
        }
    }

    /**
     * Whether a kept connection failed while the request was being written (the server never had all
     * of it), or so soon after that the server had closed it while it sat idle.
     */
    private boolean staleOnArrival(HttpConnection connection, boolean written, long writtenAt) {
        return connection.wasReused() && (!written || System.nanoTime() - writtenAt <= staleWindowNanos);
    }

    /** Writes the request; a large one is bounded by the deadline (a write blocks once the send buffer is full). */
    private void write(HttpConnection connection, byte[] message, long deadline) throws IOException {
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> cut = message.length > WATCHED_WRITE_BYTES ? watch(connection, cutOff, deadline) : null;
        try {
            connection.out().write(message);
            connection.out().flush();
        } catch (IOException e) {
            if (cutOff.get()) {
                throw new HttpTimeoutException("the request could not be sent in time");
            }
            throw e;
        } finally {
            if (cut != null) {
                cut.cancel(false);
            }
        }
    }

    /** Aborts the connection at the deadline; null once this transport is closed (nothing is watched then). */
    private ScheduledFuture<?> watch(HttpConnection connection, AtomicBoolean cutOff, long deadline) {
        ScheduledExecutorService watchdog = writeWatchdog();
        if (watchdog == null) {
            return null;
        }
        try {
            return watchdog.schedule(() -> {
                cutOff.set(true);
                connection.close();
            }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private ScheduledExecutorService writeWatchdog() {
        synchronized (this) {
            if (closed) {
                return null;
            }
            if (writes == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread thread = new Thread(r, "upstream-write-watchdog");
                    thread.setDaemon(true);
                    return thread;
                });
                executor.setRemoveOnCancelPolicy(true);
                writes = executor;
            }
            return writes;
        }
    }

    private HttpConnection open(Origin origin, long deadline) throws IOException {
        int millis = Math.max(1, Math.min(connectMillis, HttpConnection.millisUntil(deadline)));
        try {
            return HttpConnection.open(origin, millis, origin.tls() ? tls() : null);
        } catch (SocketTimeoutException e) {
            throw new HttpConnectTimeoutException("no connection within " + millis + " ms");
        }
    }

    @Override
    public void close() {
        pool.close();
        synchronized (this) {
            closed = true;
            if (writes != null) {
                writes.shutdownNow();
            }
        }
    }
}
