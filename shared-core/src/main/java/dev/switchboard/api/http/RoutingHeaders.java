package dev.switchboard.api.http;

import dev.switchboard.service.RoutingTrace;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Routing metadata in response headers, for clients (OpenAI's among them) that never read the body's
 * extra fields. On every response of a route that took a {@link RoutingTrace}, errors included:
 * x-request-id once the service assigned one; the rest once a deployment or the cache answered (for a
 * stream, as of its first chunk). Only names from configuration and numbers: never a key or prompt text.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RoutingHeaders {

    /** The request attribute holding the route's {@link RoutingTrace}. */
    public static final String TRACE = "switchboard.routing-trace";

    public static final String REQUEST_ID = "x-request-id";
    public static final String PROVIDER = "x-switchboard-provider";
    public static final String MODEL = "x-switchboard-model";
    public static final String STRATEGY = "x-switchboard-strategy";
    /** How many ranked candidates failed or were passed over before the one that answered. */
    public static final String FALLBACKS = "x-switchboard-fallbacks";
    /** hit, miss, or bypass (not asked: a stream, an image by address, or the cache turned off). */
    public static final String CACHE = "x-switchboard-cache";
    /** The gateway's own milliseconds: the request's time less the time spent waiting on the provider. */
    public static final String OVERHEAD_MS = "x-switchboard-overhead-ms";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(TRACE, RoutingTrace.class).ifPresent(trace -> {
            trace.requestId().ifPresent(id -> response.header(REQUEST_ID, id));
            trace.routed().ifPresent(routed -> response
                    .header(PROVIDER, routed.provider())
                    .header(MODEL, routed.model())
                    .header(STRATEGY, routed.strategy())
                    .header(FALLBACKS, Integer.toString(routed.fallbacks()))
                    .header(CACHE, routed.cache().wireName())
                    .header(OVERHEAD_MS, Long.toString(routed.overheadMs())));
        });
    }
}
