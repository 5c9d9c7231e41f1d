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
 */
public record UpstreamRequest(String provider, URI uri, Map<String, String> headers, String body,
                              Duration timeout) {

    public UpstreamRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + provider + " POST " + uri + "]";
    }
}
