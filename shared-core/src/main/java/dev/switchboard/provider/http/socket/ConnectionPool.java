package dev.switchboard.provider.http.socket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Idle HTTP/1.1 connections by origin, most recently used first. A connection idle longer than
 * {@code maxIdleNanos} is closed rather than reused: servers close idle connections after a while
 * (often 60 s or more), and a request written to one they just closed fails on arrival.
 */
public final class ConnectionPool {

    /** Below the keep-alive time of common servers (60 s and more), so a kept connection is rarely stale. */
    public static final long DEFAULT_MAX_IDLE = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    /** Idle connections kept per origin: one per concurrent call at the loads a function instance sees. */
    public static final int DEFAULT_PER_ORIGIN = 64;

    private final long maxIdleNanos;
    private final int maxIdlePerOrigin;
    private final LongSupplier nanoTime;
    private final Map<Origin, Deque<HttpConnection>> idle = new HashMap<>();
    private boolean closed;

    public ConnectionPool(long maxIdleNanos, int maxIdlePerOrigin, LongSupplier nanoTime) {
        this.maxIdleNanos = maxIdleNanos;
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.nanoTime = nanoTime;
    }

    /** A kept connection to {@code origin}, marked as reused, or null when there is none fresh enough. */
    HttpConnection take(Origin origin) {
        long now = nanoTime.getAsLong();
        while (true) {
            HttpConnection connection;
            synchronized (this) {
                Deque<HttpConnection> connections = idle.get(origin);
                connection = connections == null ? null : connections.pollFirst();
            }
            if (connection == null) {
                return null;
            }
            if (now - connection.idleSinceNanos() <= maxIdleNanos && connection.quiet()) {
                return connection.reused();
            }
            connection.close();
        }
    }

    /** Keeps a connection whose answer was read to its end, unless the pool is full or closed. */
    void give(HttpConnection connection) {
        long now = nanoTime.getAsLong();
        connection.markIdle(now);
        boolean kept = false;
        HttpConnection expired = null;
        if (connection.quiet()) {
            synchronized (this) {
                Deque<HttpConnection> connections = idle.computeIfAbsent(connection.origin(), o -> new ArrayDeque<>());
                HttpConnection oldest = connections.peekLast();
                if (oldest != null && now - oldest.idleSinceNanos() > maxIdleNanos) {
                    expired = connections.pollLast();
                }
                if (!closed && connections.size() < maxIdlePerOrigin) {
                    connections.addFirst(connection);
                    kept = true;
                }
            }
        }
        if (expired != null) {
            expired.close();
        }
        if (!kept) {
            connection.close();
        }
    }

    /** How many connections wait to be reused, over all origins. */
    synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    /** Closes every idle connection; connections in use close as their answers end. */
    public void close() {
        synchronized (this) {
            closed = true;
            idle.values().forEach(connections -> connections.forEach(HttpConnection::close));
            idle.clear();
        }
    }
}
