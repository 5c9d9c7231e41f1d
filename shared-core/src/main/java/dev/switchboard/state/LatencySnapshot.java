package dev.switchboard.state;

import java.time.Instant;
import java.util.Map;

/** Every asked-for deployment's latency over the window ending at {@code at}. */
public record LatencySnapshot(Instant at, Map<String, DeploymentLatency> byDeployment) {

    public LatencySnapshot {
        byDeployment = Map.copyOf(byDeployment);
    }

    /** The deployment's figures; {@link DeploymentLatency#none()} when nothing was recorded or it was not asked for. */
    public DeploymentLatency of(String deployment) {
        return byDeployment.getOrDefault(deployment, DeploymentLatency.none());
    }
}
