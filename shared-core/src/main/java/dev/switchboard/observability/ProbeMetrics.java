package dev.switchboard.observability;

import dev.switchboard.api.ProbeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A health probe run as metrics: each deployment's health and latency, and CircuitOpen for each
 * shared circuit the probe opened or closed (a deployment whose circuit it left alone has no
 * CircuitOpen from this run: the probe does not know it better than the breakers that set it).
 */
public final class ProbeMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeMetrics.class);
    private static final String OPEN = "OPEN";

    private ProbeMetrics() {
    }

    /** Never throws: the probe's report is what matters, its metrics are a view of it. */
    public static void publish(MetricsSink metrics, ProbeReport report) {
        try {
            for (ProbeReport.Result result : report.results()) {
                if (ProbeReport.SKIPPED.equals(result.error())) {
                    continue; // not probed: no verdict to report
                }
                metrics.deploymentProbed(result.provider(), result.model(), result.healthy(), result.latencyMs());
                if (result.circuit() != null) {
                    metrics.circuitChanged(result.provider(), result.model(), OPEN.equals(result.circuit()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the probe's metrics were not published: {}", e.getClass().getSimpleName());
        }
    }
}
