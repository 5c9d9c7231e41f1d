package dev.switchboard.provider.http;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.http.socket.ConnectionPool;
import dev.switchboard.provider.http.socket.SocketUpstreamHttp;
import dev.switchboard.secrets.ApiKeySource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.ProxySelector;
import java.time.Clock;

/** The HTTP transport the HTTP adapters share: one client, one pool. */
@Factory
public class UpstreamBeans {

    // Built at start-up so that a bad timeout or transport stops the application, not its first request.
    @Context
    UpstreamTimeouts upstreamTimeouts(UpstreamProperties properties) {
        properties.checkedClient();
        return properties.timeouts();
    }

    @Singleton
    @Bean(preDestroy = "close")
    UpstreamHttp upstreamHttp(UpstreamProperties properties, UpstreamTimeouts timeouts) {
        if (UpstreamProperties.SOCKET.equals(properties.checkedClient())) {
            // Calls the JVM's proxy settings send through a proxy go over the JDK client, which speaks to proxies.
            ProxySelector proxies = ProxySelector.getDefault();
            return new ProxyRoutedUpstreamHttp(new SocketUpstreamHttp(timeouts.connect(),
                    new ConnectionPool(ConnectionPool.DEFAULT_MAX_IDLE, ConnectionPool.DEFAULT_PER_ORIGIN, System::nanoTime)),
                    () -> new JdkUpstreamHttp(timeouts.connect(), proxies), proxies);
        }
        return new JdkUpstreamHttp(timeouts.connect());
    }

    @Singleton
    HttpAdapterSupport httpAdapterSupport(UpstreamHttp http, Clock clock, ApiKeySource keys, UpstreamTimeouts timeouts,
                                          TokenCounter tokens) {
        return new HttpAdapterSupport(http, new UpstreamFailures(clock), keys, timeouts, tokens, clock);
    }
}
