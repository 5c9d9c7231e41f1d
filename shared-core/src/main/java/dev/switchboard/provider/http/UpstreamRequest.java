package dev.switchboard.provider.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One POST of a JSON body to a provider. Headers may carry the provider's key, so this record
 * prints only the provider and the URI: a request that reaches a log shows no secret.
 *
 * @param provider the configured provider's name, for error messages
 * @param timeout  how long to wait for the response headers (for a stream: for its start)
 * @param silence  how long the body may then go without a byte
 * @param cutoff   how long after the call starts its body is cut, however it keeps coming or not (the
 *                 request's deadline, where that ends streams); null: the body is bounded by its silences
 */
public record UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body,
                              Duration timeout, Duration silence, Duration cutoff) {

    public UpstreamRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(silence, "silence");
        headers = Map.copyOf(headers);
        if (timeout.isNegative() || timeout.isZero() || silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("timeout and silence must be positive");
        }
        if (cutoff != null && (cutoff.isNegative() || cutoff.isZero())) {
            throw new IllegalArgumentException("a cutoff must be positive");
        }
    }

    /** A request whose body is bounded by its silences only. */
    public UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body, Duration timeout,
                           Duration silence) {
        this(provider, uri, headers, body, timeout, silence, null);
    }

    /** A request whose body may go quiet as long as its headers may take. */
    public UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body, Duration timeout) {
        this(provider, uri, headers, body, timeout, timeout);
    }

    /** This request with another limit on the body's silences. */
    public UpstreamRequest withSilence(Duration limit) {
        return new UpstreamRequest(provider, uri, headers, body, timeout, limit, cutoff);
    }

    /** This request with its body cut {@code after} the call starts (null: not cut). */
    public UpstreamRequest withCutoff(Duration after) {
        return new UpstreamRequest(provider, uri, headers, body, timeout, silence, after);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + provider + " POST " + uri + "]";
    }
}
