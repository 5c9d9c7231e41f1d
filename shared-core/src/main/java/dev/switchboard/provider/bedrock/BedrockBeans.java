package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.http.UpstreamTimeouts;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Bedrock's SDK clients in production: credentials and region from the SDK's default chains
 * (environment, profile, container or instance role), closed when the context stops.
 */
@Factory
public class BedrockBeans {

    @Singleton
    @Bean(preDestroy = "close")
    BedrockClients bedrockClients(UpstreamTimeouts timeouts) {
        return new BedrockClients(DefaultCredentialsProvider.builder().build(), timeouts,
                () -> new DefaultAwsRegionProviderChain().getRegion());
    }
}
