package dev.switchboard.provider.bedrock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a stream under way is ended whatever comes: the request's deadline, read on the injected clock
 * once at the stream's start and then counted down on the monotonic timer, as the HTTP transports count
 * their cutoff; or never.
 */
final class StreamCutoff {

    private static final StreamCutoff NEVER = new StreamCutoff(false, 0);

    private final boolean set;
    private final long atNanos;

    private StreamCutoff(boolean set, long atNanos) {
        this.set = set;
        this.atNanos = atNanos;
    }

    /** @param end the request's stream end, or null when its deadline does not end streams */
    static StreamCutoff of(Instant end, Clock clock) {
        if (end == null) {
            return NEVER;
        }
        return new StreamCutoff(true, System.nanoTime() + Duration.between(clock.instant(), end).toNanos());
    }

    /** {@code limit}, or the time left before the cutoff when that is shorter (zero once it has passed). */
    Duration bound(Duration limit) {
        if (!set) {
            return limit;
        }
        long left = Math.max(0, atNanos - System.nanoTime());
        return left < limit.toNanos() ? Duration.ofNanos(left) : limit;
    }

    /** Whether the cutoff has come. */
    boolean reached() {
        return set && System.nanoTime() - atNanos >= 0;
    }
}
