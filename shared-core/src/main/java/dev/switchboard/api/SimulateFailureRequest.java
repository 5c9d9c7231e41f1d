package dev.switchboard.api;

import java.util.Objects;

/**
 * POST /simulate/failure, as parsed: the provider to mark down, optionally one of its models, and for
 * how many seconds.
 *
 * @param model null to mark every deployment of the provider
 */
public record SimulateFailureRequest(String provider, String model, int durationSeconds) {

    public static final int MIN_SECONDS = 1;
    /** An hour: a longer outage is no longer a test, and would outlive anyone watching it. */
    public static final int MAX_SECONDS = 3600;

    public SimulateFailureRequest {
        Objects.requireNonNull(provider, "provider");
        if (durationSeconds < MIN_SECONDS || durationSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("durationSeconds out of range");
        }
    }
}
