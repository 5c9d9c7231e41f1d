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
 */
public record UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body,
                              Duration timeout, Duration silence) {

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
    }

    /** A request whose body may go quiet as long as its headers may take. */
    public UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body, Duration timeout) {
        this(provider, uri, headers, body, timeout, timeout);
    }

    /** This request with another limit on the body's silences. */
    public UpstreamRequest withSilence(Duration limit) {
        return new UpstreamRequest(provider, uri, headers, body, timeout, limit);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + provider + " POST " + uri + "]";
    }
}
