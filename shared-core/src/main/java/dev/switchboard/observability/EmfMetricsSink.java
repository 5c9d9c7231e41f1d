package dev.switchboard.observability;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Metrics as CloudWatch Embedded Metric Format documents, one line each on the
 * {@value #LOGGER} logger, which logback writes bare (no JSON log envelope, which would hide the
 * document from CloudWatch) through a non-blocking queue to stdout. Per request: Requests, Errors,
 * CostUsd, LatencyMs, Fallbacks and CacheHits, by [endpoint], [provider] and [provider, model]. Per
 * breaker change: CircuitOpen (1 or 0) by [provider] and [provider, model]; per deployment and probe
 * run: ProbeHealthy (1 or 0) and ProbeLatencyMs, by the same. When the logger is off (the local
 * default) nothing is built at all.
 */
@Singleton
public class EmfMetricsSink implements MetricsSink {

    public static final String LOGGER = "switchboard.metrics";

    private final Logger out;
    private final Clock clock;

    public EmfMetricsSink(Clock clock) {
        this(LoggerFactory.getLogger(LOGGER), clock);
    }

    EmfMetricsSink(Logger out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void requestCompleted(CompletedRequest request) {
        if (out.isInfoEnabled()) {
            out.info(requestDocument(request, clock.millis()));
        }
    }

    @Override
    public void circuitChanged(String provider, String model, boolean open) {
        if (out.isInfoEnabled()) {
            out.info(circuitDocument(provider, model, open, clock.millis()));
        }
    }

    @Override
    public void deploymentProbed(String provider, String model, boolean healthy, long latencyMs) {
        if (out.isInfoEnabled()) {
            out.info(probeDocument(provider, model, healthy, latencyMs, clock.millis()));
        }
    }

    static String requestDocument(CompletedRequest r, long at) {
        return new EmfDocument(at)
                .dimension("endpoint", r.endpoint())
                .dimension("provider", r.provider())
                .dimension("model", r.model())
                .dimensionSet("endpoint")
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .property("request_id", r.requestId())
                .property("strategy_used", r.strategy())
                .metric("Requests", EmfDocument.Unit.Count, 1)
                .metric("Errors", EmfDocument.Unit.Count, r.failed() ? 1 : 0)
                .metric("CostUsd", EmfDocument.Unit.None, r.costUsd())
                .metric("LatencyMs", EmfDocument.Unit.Milliseconds, r.latencyMs())
                .metric("Fallbacks", EmfDocument.Unit.Count, r.fallbacks())
                .metric("CacheHits", EmfDocument.Unit.Count, r.cacheHit() ? 1 : 0)
                .toJson();
    }

    static String circuitDocument(String provider, String model, boolean open, long at) {
        return new EmfDocument(at)
                .dimension("provider", provider)
                .dimension("model", model)
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .metric("CircuitOpen", EmfDocument.Unit.Count, open ? 1 : 0)
                .toJson();
    }

    static String probeDocument(String provider, String model, boolean healthy, long latencyMs, long at) {
        return new EmfDocument(at)
                .dimension("provider", provider)
                .dimension("model", model)
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .metric("ProbeHealthy", EmfDocument.Unit.Count, healthy ? 1 : 0)
                .metric("ProbeLatencyMs", EmfDocument.Unit.Milliseconds, latencyMs)
                .toJson();
    }
}
