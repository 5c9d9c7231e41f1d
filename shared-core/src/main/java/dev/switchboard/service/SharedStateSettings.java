package dev.switchboard.service;

import java.time.Duration;

/**
 * How the shared state is read and probed.
 *
 * @param snapshotMaxAge   how long an instance routes on one read of latency and circuits before reading again
 * @param probeParallelism how many deployments the health probe calls at once
 * @param probeTimeout     the longest one probe call may take before it counts as a timeout
 */
public record SharedStateSettings(Duration snapshotMaxAge, int probeParallelism, Duration probeTimeout) {

    static final Duration MAX_SNAPSHOT_AGE = Duration.ofMinutes(5);
    static final int MAX_PARALLELISM = 32;
    /**
     * A probe starts only with its timeout and its writes' time left in the invocation: past this one, the
     * template's 55 s probe function would skip every deployment on every run.
     */
    static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(45);
    public static final SharedStateSettings DEFAULTS =
            new SharedStateSettings(Duration.ofSeconds(5), 4, Duration.ofSeconds(10));

    public SharedStateSettings {
        if (snapshotMaxAge == null || snapshotMaxAge.isNegative() || snapshotMaxAge.isZero()
                || snapshotMaxAge.compareTo(MAX_SNAPSHOT_AGE) > 0) {
            throw new IllegalArgumentException("switchboard.state.snapshot-max-age (SWITCHBOARD_STATE_SNAPSHOT_MAX_AGE) must be longer than 0 and at most "
                    + MAX_SNAPSHOT_AGE + ", was " + snapshotMaxAge);
        }
        if (probeParallelism < 1 || probeParallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("switchboard.probe.parallelism (SWITCHBOARD_PROBE_PARALLELISM) must be in [1, " + MAX_PARALLELISM
                    + "], was " + probeParallelism);
        }
        if (probeTimeout == null || probeTimeout.isNegative() || probeTimeout.isZero()
                || probeTimeout.compareTo(MAX_PROBE_TIMEOUT) > 0) {
            throw new IllegalArgumentException("switchboard.probe.timeout (SWITCHBOARD_PROBE_TIMEOUT) must be longer than 0 "
                    + "and at most " + MAX_PROBE_TIMEOUT.toSeconds() + "s, was " + probeTimeout);
        }
    }
}
