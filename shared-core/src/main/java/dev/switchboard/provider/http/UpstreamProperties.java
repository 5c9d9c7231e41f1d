package dev.switchboard.provider.http;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * switchboard.providers.http.* (SWITCHBOARD_PROVIDERS_HTTP_CONNECT_TIMEOUT, ..._CALL_TIMEOUT, ..._CLIENT),
 * validated at start-up. {@code client} picks the transport: {@code socket} (the default: blocking sockets
 * on the calling thread, with the JDK client for calls the JVM's proxy settings route through a proxy) or
 * {@code jdk} (the JDK's HTTP client for every call). See README, "Load benchmark".
 */
@ConfigurationProperties("switchboard.providers.http")
public record UpstreamProperties(@Bindable(defaultValue = "5s") Duration connectTimeout,
                                 @Bindable(defaultValue = "60s") Duration callTimeout,
                                 @Bindable(defaultValue = "socket") String client) {

    public static final String JDK = "jdk";
    public static final String SOCKET = "socket";

    public UpstreamTimeouts timeouts() {
        try {
            return new UpstreamTimeouts(connectTimeout, callTimeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("SWITCHBOARD_PROVIDERS_HTTP_CONNECT_TIMEOUT / SWITCHBOARD_PROVIDERS_HTTP_CALL_TIMEOUT "
                    + "(switchboard.providers.http.*): " + e.getMessage());
        }
    }

    /** The transport's name, checked: socket or jdk. */
    public String checkedClient() {
        String name = client == null ? SOCKET : client.trim().toLowerCase(java.util.Locale.ROOT);
        if (!name.equals(JDK) && !name.equals(SOCKET)) {
            throw new ConfigurationError("SWITCHBOARD_PROVIDERS_HTTP_CLIENT (switchboard.providers.http.client) must be "
                    + JDK + " or " + SOCKET + ", not '" + client + "'");
        }
        return name;
    }
}
