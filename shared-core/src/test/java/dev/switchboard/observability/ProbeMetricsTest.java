package dev.switchboard.observability;

import dev.switchboard.api.ProbeReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbeMetricsTest {

    private final RecordingMetricsSink sink = new RecordingMetricsSink();

    @Test
    void eachDeploymentsHealthAndEachCircuitTheProbeMovedAreReported() {
        ProbeMetrics.publish(sink, new ProbeReport(Instant.EPOCH, 1, 2, List.of(
                new ProbeReport.Result("gemini", "gemini-1.5-flash", true, 12, null, "CLOSED"),
                new ProbeReport.Result("openai", "gpt-4o", false, 5000, "TIMEOUT", "OPEN"),
                new ProbeReport.Result("anthropic", "claude-3-5-haiku-20241022", false, 30, "RATE_LIMITED", null))));

        assertEquals(List.of(
                "probed gemini|gemini-1.5-flash|healthy|12", "circuit gemini|gemini-1.5-flash|closed",
                "probed openai|gpt-4o|unhealthy|5000", "circuit openai|gpt-4o|open",
                "probed anthropic|claude-3-5-haiku-20241022|unhealthy|30"), sink.told());
    }

    @Test
    void aDeploymentTheRunHadNoTimeToProbeHasNoMetric() {
        ProbeMetrics.publish(sink, new ProbeReport(Instant.EPOCH, 1, 0, 1, List.of(
                new ProbeReport.Result("gemini", "gemini-1.5-flash", true, 12, null, null),
                new ProbeReport.Result("openai", "gpt-4o", false, 0, ProbeReport.SKIPPED, null))));

        assertEquals(List.of("probed gemini|gemini-1.5-flash|healthy|12"), sink.told());
    }

    @Test
    void aFailingSinkDoesNotFailTheProbe() {
        MetricsSink broken = new MetricsSink() {
            @Override
            public void requestCompleted(CompletedRequest request) {
            }

            @Override
            public void circuitChanged(String provider, String model, boolean open) {
            }

            @Override
            public void deploymentProbed(String provider, String model, boolean healthy, long latencyMs) {
                throw new IllegalStateException("down");
            }
        };
        ProbeReport report = new ProbeReport(Instant.EPOCH, 1, 0,
                List.of(new ProbeReport.Result("gemini", "m", true, 1, null, null)));

        assertDoesNotThrow(() -> ProbeMetrics.publish(broken, report));
    }
}
