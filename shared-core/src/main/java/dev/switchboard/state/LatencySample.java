package dev.switchboard.state;

import java.time.Duration;

/** Checks and converts one recorded call, the same way for every adapter. */
public final class LatencySample {

    private LatencySample() {
    }

    /** The call's whole milliseconds, after checking the arguments. */
    public static long millis(String deployment, Duration latency) {
        if (deployment == null || deployment.isBlank()) {
            throw new IllegalArgumentException("deployment label is required");
        }
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be at least 0");
        }
        return latency.toMillis();
    }
}
