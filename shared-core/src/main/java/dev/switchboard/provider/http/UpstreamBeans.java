package dev.switchboard.provider.http;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.secrets.ApiKeySource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The HTTP transport the HTTP adapters share: one client, one pool. */
@Factory
public class UpstreamBeans {

    // Built at start-up so that a bad timeout stops the application, not its first request.
    @Context
    UpstreamTimeouts upstreamTimeouts(UpstreamProperties properties) {
        return properties.timeouts();
    }

    @Singleton
    @Bean(preDestroy = "close")
    JdkUpstreamHttp upstreamHttp(UpstreamTimeouts timeouts) {
        return new JdkUpstreamHttp(timeouts.connect());
    }

    @Singleton
    HttpAdapterSupport httpAdapterSupport(UpstreamHttp http, Clock clock, ApiKeySource keys, UpstreamTimeouts timeouts,
                                          TokenCounter tokens) {
        return new HttpAdapterSupport(http, new UpstreamFailures(clock), keys, timeouts, tokens, clock);
    }
}
