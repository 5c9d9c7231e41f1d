package dev.switchboard.api;

import java.time.Duration;
import java.util.Map;

/**
 * A refusal that holds until a known time (a rate window or a budget period ends): its response
 * carries {@code Retry-After} in whole seconds, rounded up and at least 1, since 0 would invite a
 * client to retry in a hot loop.
 */
public abstract class RefusedUntilException extends ApiException {

    private final long retryAfterSeconds;

    protected RefusedUntilException(int status, String type, String message, Duration retryAfter) {
        super(status, type, message, null);
        this.retryAfterSeconds = seconds(retryAfter);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static long seconds(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return 1;
        }
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
