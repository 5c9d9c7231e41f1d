package dev.switchboard.observability;

import dev.switchboard.resilience.BreakerListener;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Turns each breaker this instance opens or closes into a CircuitOpen 1 or 0 metric for its provider and model. */
@Singleton
public class BreakerMetrics implements BreakerListener {

    private final MetricsSink metrics;

    public BreakerMetrics(MetricsSink metrics) {
        this.metrics = metrics;
    }

    @Override
    public void opened(String label, Instant at, String reason) {
        changed(label, true);
    }

    @Override
    public void closed(String label, Instant at) {
        changed(label, false);
    }

    private void changed(String label, boolean open) {
        int slash = label.indexOf('/');
        // Labels are provider/model; a model name may itself hold a slash, a provider name does not.
        metrics.circuitChanged(slash < 0 ? label : label.substring(0, slash),
                slash < 0 ? null : label.substring(slash + 1), open);
    }
}
