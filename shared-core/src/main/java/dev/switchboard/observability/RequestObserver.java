package dev.switchboard.observability;

import dev.switchboard.ledger.LedgerEntry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told of every finished request as its ledger row is written: logs one "request completed" line
 * with the routing decision and outcome as fields (on the {@value #LOGGER} logger, on with JSON
 * logs) and hands the same facts to the {@link MetricsSink}. Never fails the request: it already has
 * its answer.
 */
@Singleton
public class RequestObserver {

    public static final String LOGGER = "switchboard.requests";
    static final String MESSAGE = "request completed";

    private static final Logger LOG = LoggerFactory.getLogger(RequestObserver.class);

    private final Logger lines;
    private final MetricsSink metrics;

    @Inject
    public RequestObserver(MetricsSink metrics) {
        this(LoggerFactory.getLogger(LOGGER), metrics);
    }

    RequestObserver(Logger lines, MetricsSink metrics) {
        this.lines = lines;
        this.metrics = metrics;
    }

    /** Logs nothing beyond what the logback configuration lets through, and publishes no metrics. */
    public static RequestObserver withoutMetrics() {
        return new RequestObserver(MetricsSink.NONE);
    }

    public void completed(LedgerEntry row, boolean ledgered) {
        try {
            CompletedRequest request = CompletedRequest.of(row, ledgered);
            if (lines.isInfoEnabled()) {
                // On the row's id explicitly: a stream's last bookkeeping may run on a thread of its own.
                RequestLogContext.with(request.requestId(), () -> log(request));
            }
            metrics.requestCompleted(request);
        } catch (RuntimeException e) {
            LOG.warn("observing request {} failed: {}", row.id(), e.getClass().getSimpleName());
        }
    }

    private void log(CompletedRequest r) {
        lines.atInfo()
                .addKeyValue("endpoint", r.endpoint())
                .addKeyValue("status", r.status())
                .addKeyValue("error_type", r.errorType())
                .addKeyValue("provider", r.provider())
                .addKeyValue("model", r.model())
                .addKeyValue("tier", r.tier())
                .addKeyValue("strategy_used", r.strategy())
                .addKeyValue("confidence", r.confidence())
                .addKeyValue("complexity", r.complexity())
                .addKeyValue("fallbacks", r.fallbacks())
                .addKeyValue("cache_hit", r.cacheHit())
                .addKeyValue("cost_usd", r.priced() ? (Object) r.costUsd() : null)
                .addKeyValue("tokens_in", r.tokensIn())
                .addKeyValue("tokens_out", r.tokensOut())
                .addKeyValue("cached_tokens_in", r.cachedTokensIn() > 0 ? (Object) r.cachedTokensIn() : null)
                .addKeyValue("cache_write_tokens_in", r.cacheWriteTokensIn() > 0 ? (Object) r.cacheWriteTokensIn() : null)
                .addKeyValue("latency_ms", r.latencyMs())
                .addKeyValue("first_chunk_ms", r.firstChunkMs())
                .addKeyValue("principal", r.principal())
                .addKeyValue("ledgered", r.ledgered())
                .log(MESSAGE);
    }
}
