package dev.switchboard.state;

import dev.switchboard.routing.scoring.DeploymentSignals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencySignalsTest {

    private final DeploymentSignals base = new DeploymentSignals(true, 0.5, 1.0, 2.0, 7, 3, 3.0, 4);

    @Test
    void latencyFiguresReplaceTheLatencyFieldsAndKeepTheRest() {
        DeploymentLatency latency = new DeploymentLatency(10, 9, 210.0, 205.0, 200.0, 480.0, 900.0);

        DeploymentSignals signals = LatencySignals.apply(base, latency);

        assertEquals(new DeploymentSignals(true, 0.9, 200.0, 480.0, 7, 3, 205.0, 4), signals);
    }

    @Test
    void aDeploymentWithNothingInTheWindowHasUnknownLatency() {
        DeploymentSignals signals = LatencySignals.apply(base, DeploymentLatency.none());

        assertNull(signals.successRate());
        assertNull(signals.p50LatencyMs());
        assertNull(signals.p95LatencyMs());
        assertNull(signals.emaLatencyMs());
        assertTrue(signals.circuitOpen());
        assertEquals(4, signals.inFlight());
    }
}
