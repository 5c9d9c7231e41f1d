package dev.switchboard.state;

import dev.switchboard.routing.scoring.DeploymentSignals;

/**
 * Puts a deployment's shared latency figures into the routing signals. Routing knows nothing of
 * the state store: it only sees its own record, filled here. A deployment with nothing in the
 * window gets nulls, which routing scores as neutral (new deployments are not punished).
 */
public final class LatencySignals {

    private LatencySignals() {
    }

    /** {@code base} (circuit, priority, capabilities, in-flight) with EMA, p50, p95 and success rate from {@code latency}. */
    public static DeploymentSignals apply(DeploymentSignals base, DeploymentLatency latency) {
        return new DeploymentSignals(base.circuitOpen(), latency.successRate(), latency.p50Millis(),
                latency.p95Millis(), base.priority(), base.capabilities(), latency.emaMillis(), base.inFlight());
    }
}
