package dev.switchboard.provider.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an HTTP adapter waits: to connect, for one call's answer (for a stream, for its first
 * bytes), and for each next byte of a stream under way ({@code streamSilence}, the call timeout unless
 * set shorter). The whole request's deadline, across retries and fallbacks, belongs to resilience.
 */
public record UpstreamTimeouts(Duration connect, Duration call, Duration streamSilence) {

    public static final UpstreamTimeouts DEFAULTS = new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    public UpstreamTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(streamSilence, "streamSilence");
        if (connect.isNegative() || connect.isZero() || call.isNegative() || call.isZero()
                || streamSilence.isNegative() || streamSilence.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connect=" + connect + ", call=" + call
                    + ", stream silence=" + streamSilence);
        }
    }

    /** A stream's silences may each last as long as a call. */
    public UpstreamTimeouts(Duration connect, Duration call) {
        this(connect, call, call);
    }
}
