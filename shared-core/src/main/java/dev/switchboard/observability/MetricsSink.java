package dev.switchboard.observability;

/**
 * Where the gateway's metrics go: a port, so that the request path does not know the format. Calls
 * come on request threads: an implementation must be cheap, must not block, and must not throw.
 */
public interface MetricsSink {

    /** Drops everything: for tests and for processes that publish no metrics. */
    MetricsSink NONE = new MetricsSink() {
        @Override
        public void requestCompleted(CompletedRequest request) {
        }

        @Override
        public void circuitChanged(String provider, String model, boolean open) {
        }

        @Override
        public void deploymentProbed(String provider, String model, boolean healthy, long latencyMs) {
        }
    };

    /** One finished request, answered or not. */
    void requestCompleted(CompletedRequest request);

    /** A deployment's circuit breaker opened ({@code open}) or was found closed again. */
    void circuitChanged(String provider, String model, boolean open);

    /** The health probe asked a deployment: whether it answered well, and how long it took. */
    void deploymentProbed(String provider, String model, boolean healthy, long latencyMs);
}
