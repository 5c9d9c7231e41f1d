package dev.switchboard.provider.http;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.secrets.ApiKey;
import dev.switchboard.secrets.ApiKeySource;
import java.util.Objects;

/**
 * What every HTTP adapter needs, injected once into each adapter factory: the transport, the
 * failure classifier, the key source, the timeouts and a token counter for answers that report no usage.
 */
public record HttpAdapterSupport(UpstreamHttp http, UpstreamFailures failures, ApiKeySource keys,
                                 UpstreamTimeouts timeouts, TokenCounter tokens) {

    public HttpAdapterSupport {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * The provider's key, or an UNAUTHORIZED failure that says where to put it: the call is not sent
     * without one, and the next candidate (with its own key) may still answer.
     */
    public ApiKey requiredKey(String provider) {
        return keys.apiKey(provider).orElseThrow(() -> new ProviderException(provider,
                ProviderException.Kind.UNAUTHORIZED, provider + " has no API key: set " + keys.describe(provider)));
    }
}
