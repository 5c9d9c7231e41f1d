package dev.switchboard.provider.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an HTTP adapter waits: to connect, and for one call's answer (for a stream, for its
 * first bytes). The whole request's deadline, across retries and fallbacks, belongs to resilience.
 */
public record UpstreamTimeouts(Duration connect, Duration call) {

    public static final UpstreamTimeouts DEFAULTS = new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    public UpstreamTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(call, "call");
        if (connect.isNegative() || connect.isZero() || call.isNegative() || call.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connect=" + connect + ", call=" + call);
        }
    }
}
