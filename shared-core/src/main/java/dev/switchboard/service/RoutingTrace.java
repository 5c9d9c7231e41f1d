package dev.switchboard.service;

import dev.switchboard.observability.RequestLogContext;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completion's response headers tell about its routing, filled in by the service as it learns
 * it: the request id as soon as one is assigned (so that an error response carries it too), the rest
 * once a deployment (or the cache) answers; for a stream, when its first chunk arrives, which is
 * before the headers go out. The HTTP layer reads it after the call. Safe to hand between threads.
 */
public final class RoutingTrace {

    /** Whether the response cache answered, was asked and could not, or was not asked (streams, cache off). */
    public enum CacheUse {
        HIT, MISS, BYPASS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How the request was answered.
     *
     * @param fallbacks  how many ranked candidates failed or were passed over before the one that answered
     * @param overheadMs the gateway's own time: the request's time so far less the time spent waiting on
     *                   the provider (its calls, and the backoff between its retries)
     */
    public record Routed(String provider, String model, String strategy, int fallbacks, CacheUse cache,
                         long overheadMs) {

        public Routed {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(cache, "cache");
            if (fallbacks < 0) {
                throw new IllegalArgumentException("fallbacks is never negative");
            }
            overheadMs = Math.max(0, overheadMs);
        }
    }

    private volatile String requestId;
    private volatile Routed routed;

    void assigned(String id) {
        requestId = Objects.requireNonNull(id, "id");
        // The service calls this on the thread working on the request: its log lines carry the id from here on.
        RequestLogContext.enter(id);
    }

    void routed(Routed how) {
        routed = Objects.requireNonNull(how, "how");
    }

    /** The request id, once the service assigned one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How it was answered; empty until then (and for a request nobody answered). */
    public Optional<Routed> routed() {
        return Optional.ofNullable(routed);
    }
}
