package dev.switchboard.provider.http;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** switchboard.providers.http.* (SWITCHBOARD_PROVIDERS_HTTP_CONNECT_TIMEOUT, ..._CALL_TIMEOUT), validated at start-up. */
@ConfigurationProperties("switchboard.providers.http")
public record UpstreamProperties(@Bindable(defaultValue = "5s") Duration connectTimeout,
                                 @Bindable(defaultValue = "60s") Duration callTimeout) {

    public UpstreamTimeouts timeouts() {
        try {
            return new UpstreamTimeouts(connectTimeout, callTimeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("SWITCHBOARD_PROVIDERS_HTTP_CONNECT_TIMEOUT / SWITCHBOARD_PROVIDERS_HTTP_CALL_TIMEOUT "
                    + "(switchboard.providers.http.*): " + e.getMessage());
        }
    }
}
