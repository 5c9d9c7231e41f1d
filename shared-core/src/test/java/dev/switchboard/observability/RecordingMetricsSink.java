package dev.switchboard.observability;

import java.util.ArrayList;
import java.util.List;

/** Keeps what it is told, as short texts, for tests; thread-safe. */
final class RecordingMetricsSink implements MetricsSink {

    private final List<String> told = new ArrayList<>();

    @Override
    public synchronized void requestCompleted(CompletedRequest request) {
        told.add("request " + request.requestId());
    }

    @Override
    public synchronized void circuitChanged(String provider, String model, boolean open) {
        told.add("circuit " + provider + "|" + model + "|" + (open ? "open" : "closed"));
    }

    @Override
    public synchronized void deploymentProbed(String provider, String model, boolean healthy, long latencyMs) {
        told.add("probed " + provider + "|" + model + "|" + (healthy ? "healthy" : "unhealthy") + "|" + latencyMs);
    }

    synchronized List<String> told() {
        return List.copyOf(told);
    }
}
