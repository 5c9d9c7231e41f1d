package dev.switchboard.provider.http.socket;

import java.time.Duration;

/** The blocking-socket transport as the application builds it, for suites that run over it. */
public final class SocketTransports {

    private SocketTransports() {
    }

    public static SocketUpstreamHttp create(Duration connectTimeout) {
        return new SocketUpstreamHttp(connectTimeout,
                new ConnectionPool(ConnectionPool.DEFAULT_MAX_IDLE, ConnectionPool.DEFAULT_PER_ORIGIN, System::nanoTime));
    }
}
