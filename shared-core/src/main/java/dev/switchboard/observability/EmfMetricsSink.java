package dev.switchboard.observability;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Metrics as CloudWatch Embedded Metric Format documents, one line each on the
 * {@value #LOGGER} logger, which logback writes bare (no JSON log envelope, which would hide the
 * document from CloudWatch) to stdout before the request returns (Lambda may freeze the process after it). Per request: Requests, Errors,
 * Refused (a user's budget spent or key limit reached, which is no error), CostUsd, LatencyMs, Fallbacks and CacheHits, by
 * [endpoint], [provider] and [provider, model] (by [endpoint] alone when no provider answered, the cache
 * included); a request a deployment answered, or began to stream before the stream broke off, adds TokensIn,
 * TokensOut, and CachedTokensIn and CacheWriteTokensIn (the parts of TokensIn read from and written to the
 * provider's prompt cache; a broken stream's counts are the gateway's estimate, without prompt-cache use); a
 * stream that sent a chunk adds, in a second document, FirstChunkMs (from the request's arrival) by the same.
 * Per breaker change: CircuitOpen (1 or 0) by [provider] and [provider, model]; per deployment and probe
 * run: ProbeHealthy (1 or 0) and ProbeLatencyMs, by the same. When the logger is off (the local
 * default) nothing is built at all.
 */
@Singleton
public class EmfMetricsSink implements MetricsSink {

    public static final String LOGGER = "switchboard.metrics";

    private final Logger out;
    private final Clock clock;
    private final MetricsNamespace namespace;
    /** A request a deployment answered: by endpoint, by provider, by provider and model. */
    private final EmfShape answered;
    /**
     * By endpoint only: a request nobody answered (it has no provider), and a cache hit (no provider was
     * called: its latency and $0 would make the provider's own figures look faster and cheaper).
     */
    private final EmfShape byEndpoint;
    /**
     * An answer from a model without a price: as {@link #answered} without CostUsd, since its cost is
     * unknown and a $0 would pull every cost statistic down.
     */
    private final EmfShape answeredUnpriced;

    @Inject
    public EmfMetricsSink(Clock clock, @Value("${" + MetricsNamespace.PROPERTY + ":Switchboard}") String namespace) {
        this(LoggerFactory.getLogger(LOGGER), clock, new MetricsNamespace(namespace));
    }

    public EmfMetricsSink(Clock clock) {
        this(LoggerFactory.getLogger(LOGGER), clock, MetricsNamespace.DEFAULT);
    }

    EmfMetricsSink(Logger out, Clock clock, MetricsNamespace namespace) {
        this.out = out;
        this.clock = clock;
        this.namespace = namespace;
        List<String[]> bySets = List.of(new String[]{"endpoint"}, new String[]{"provider"},
                new String[]{"provider", "model"});
        String[] allDimensions = {"endpoint", "provider", "model"};
        this.answered = new EmfShape(namespace, bySets, allDimensions, REQUEST_PROPERTIES,
                concat(REQUEST_METRICS, TOKEN_METRICS), concat(REQUEST_UNITS, TOKEN_UNITS));
        this.byEndpoint = new EmfShape(namespace, List.<String[]>of(new String[]{"endpoint"}),
                new String[]{"endpoint"}, REQUEST_PROPERTIES, REQUEST_METRICS, REQUEST_UNITS);
        this.answeredUnpriced = new EmfShape(namespace, bySets, allDimensions, REQUEST_PROPERTIES,
                concat(new String[]{"Requests", "Errors", "Refused", "LatencyMs", "Fallbacks", "CacheHits"},
                        TOKEN_METRICS),
                concat(new EmfDocument.Unit[]{EmfDocument.Unit.Count, EmfDocument.Unit.Count, EmfDocument.Unit.Count,
                        EmfDocument.Unit.Milliseconds, EmfDocument.Unit.Count, EmfDocument.Unit.Count}, TOKEN_UNITS));
    }

    @SafeVarargs
    private static <T> T[] concat(T[] first, T... then) {
        T[] all = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    @Override
    public void requestCompleted(CompletedRequest request) {
        if (out.isInfoEnabled()) {
            long at = clock.millis();
            out.info(requestDocument(request, at));
            if (request.firstChunkMs() != null && request.provider() != null && request.model() != null) {
                out.info(firstChunkDocument(request, at));
            }
        }
    }

    /**
     * A stream's time to its first chunk, in a document of its own: only streams have one, and a metric a
     * document declares must have a value in it.
     */
    String firstChunkDocument(CompletedRequest r, long at) {
        return new EmfDocument(namespace, at)
                .dimension("endpoint", r.endpoint())
                .dimension("provider", r.provider())
                .dimension("model", r.model())
                .dimensionSet("endpoint")
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .metric("FirstChunkMs", EmfDocument.Unit.Milliseconds, r.firstChunkMs())
                .toJson();
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

    private static final String[] REQUEST_METRICS = {"Requests", "Errors", "Refused", "CostUsd", "LatencyMs",
            "Fallbacks", "CacheHits"};
    private static final EmfDocument.Unit[] REQUEST_UNITS = {EmfDocument.Unit.Count, EmfDocument.Unit.Count,
            EmfDocument.Unit.Count, EmfDocument.Unit.None, EmfDocument.Unit.Milliseconds, EmfDocument.Unit.Count,
            EmfDocument.Unit.Count};
    /** A provider's answer only: a cache hit or a request nobody answered consumed no provider's tokens. */
    private static final String[] TOKEN_METRICS = {"TokensIn", "TokensOut", "CachedTokensIn", "CacheWriteTokensIn"};
    private static final EmfDocument.Unit[] TOKEN_UNITS = {EmfDocument.Unit.Count, EmfDocument.Unit.Count,
            EmfDocument.Unit.Count, EmfDocument.Unit.Count};
    private static final String[] REQUEST_PROPERTIES = {"request_id", "strategy_used"};

    String requestDocument(CompletedRequest r, long at) {
        String[] properties = {r.requestId(), r.strategy()};
        if (r.provider() == null || r.model() == null || r.cacheHit()) {
            return byEndpoint.write(at, new String[]{r.endpoint()}, properties, values(r, true, false));
        }
        String[] dimensions = {r.endpoint(), r.provider(), r.model()};
        if (!r.priced()) {
            return answeredUnpriced.write(at, dimensions, properties, values(r, false, true));
        }
        return answered.write(at, dimensions, properties, values(r, true, true));
    }

    /**
     * A request document's values in its shape's order: Requests, Errors, Refused, CostUsd (when {@code cost}),
     * LatencyMs, Fallbacks, CacheHits, then {@link #TOKEN_METRICS} (when {@code tokens}); one array per request.
     */
    private static double[] values(CompletedRequest r, boolean cost, boolean tokens) {
        double[] values = new double[(cost ? 7 : 6) + (tokens ? TOKEN_METRICS.length : 0)];
        int i = 0;
        values[i++] = 1;
        values[i++] = r.failed() ? 1 : 0;
        values[i++] = r.refused() ? 1 : 0;
        if (cost) {
            values[i++] = r.costUsd();
        }
        values[i++] = r.latencyMs();
        values[i++] = r.fallbacks();
        values[i++] = r.cacheHit() ? 1 : 0;
        if (tokens) {
            values[i++] = r.tokensIn();
            values[i++] = r.tokensOut();
            values[i++] = r.cachedTokensIn();
            values[i] = r.cacheWriteTokensIn();
        }
        return values;
    }

    String circuitDocument(String provider, String model, boolean open, long at) {
        return new EmfDocument(namespace, at)
                .dimension("provider", provider)
                .dimension("model", model)
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .metric("CircuitOpen", EmfDocument.Unit.Count, open ? 1 : 0)
                .toJson();
    }

    String probeDocument(String provider, String model, boolean healthy, long latencyMs, long at) {
        return new EmfDocument(namespace, at)
                .dimension("provider", provider)
                .dimension("model", model)
                .dimensionSet("provider")
                .dimensionSet("provider", "model")
                .metric("ProbeHealthy", EmfDocument.Unit.Count, healthy ? 1 : 0)
                .metric("ProbeLatencyMs", EmfDocument.Unit.Milliseconds, latencyMs)
                .toJson();
    }
}
