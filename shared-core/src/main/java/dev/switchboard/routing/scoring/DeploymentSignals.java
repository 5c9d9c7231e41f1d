package dev.switchboard.routing.scoring;

/**
 * What is known of a deployment's recent behaviour and standing, from shared state and configuration.
 * Unknown measurements are null and score as neutral: a deployment is not punished for being new.
 *
 * @param circuitOpen  whether its circuit breaker is open (it is then scored as down)
 * @param successRate  share of recent calls that succeeded, in [0, 1], or null
 * @param p50LatencyMs median latency of recent calls, or null
 * @param p95LatencyMs 95th percentile latency of recent calls, or null
 * @param priority     the operator's preference, 0 to 10
 * @param capabilities how many of tools, vision, streaming and a large context it offers, 0 to 4
 * @param emaLatencyMs exponential moving average of recent latencies (seed 004), or null
 * @param inFlight     calls to it under way now, or null when not tracked
 */
public record DeploymentSignals(boolean circuitOpen, Double successRate, Double p50LatencyMs, Double p95LatencyMs,
                                int priority, int capabilities, Double emaLatencyMs, Integer inFlight) {

    public static final int DEFAULT_PRIORITY = 5;
    private static final DeploymentSignals UNKNOWN = new DeploymentSignals(false, null, null, null, DEFAULT_PRIORITY, 0);

    /** The same signals with the circuit's state as the breaker now reports it. */
    public DeploymentSignals withCircuitOpen(boolean open) {
        return open == circuitOpen ? this : new DeploymentSignals(open, successRate, p50LatencyMs, p95LatencyMs,
                priority, capabilities, emaLatencyMs, inFlight);
    }

    /** The same signals with the circuit's state and the calls under way as this instance sees them now. */
    public DeploymentSignals withLive(boolean open, int calls) {
        return new DeploymentSignals(open, successRate, p50LatencyMs, p95LatencyMs, priority, capabilities,
                emaLatencyMs, calls);
    }

    /** Signals without an EMA latency or an in-flight count. */
    public DeploymentSignals(boolean circuitOpen, Double successRate, Double p50LatencyMs, Double p95LatencyMs,
                             int priority, int capabilities) {
        this(circuitOpen, successRate, p50LatencyMs, p95LatencyMs, priority, capabilities, null, null);
    }

    public DeploymentSignals {
        if (successRate != null && !(successRate >= 0 && successRate <= 1)) {
            throw new IllegalArgumentException("successRate must be in [0, 1]");
        }
        if ((p50LatencyMs != null && !(p50LatencyMs >= 0)) || (p95LatencyMs != null && !(p95LatencyMs >= 0))
                || (emaLatencyMs != null && !(emaLatencyMs >= 0))) {
            throw new IllegalArgumentException("latencies must be at least 0 ms");
        }
        if (inFlight != null && inFlight < 0) {
            throw new IllegalArgumentException("inFlight must be at least 0");
        }
        if (priority < 0 || priority > 10) {
            throw new IllegalArgumentException("priority must be in [0, 10]");
        }
        if (capabilities < 0 || capabilities > 4) {
            throw new IllegalArgumentException("capabilities must be in [0, 4]");
        }
    }

    /** Nothing measured yet, default priority, no notable capabilities. */
    public static DeploymentSignals unknown() {
        return UNKNOWN;
    }
}
