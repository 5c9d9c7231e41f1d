package dev.switchboard.provider.bedrock;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.http.UpstreamTimeouts;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds each Bedrock provider's SDK clients and closes them all at shutdown. The SDK's own retries
 * are off: the gateway's resilience layer decides about retries, and two layers would multiply them.
 * A configured base URL is the endpoint (a VPC endpoint, or a local stand-in in tests).
 */
public final class BedrockClients implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final UpstreamTimeouts timeouts;
    private final Supplier<Region> defaultRegion;
    private final List<BedrockClientPair> opened = new ArrayList<>();

    /** @param defaultRegion the region when the base URL does not name one (the SDK's chain in production) */
    public BedrockClients(AwsCredentialsProvider credentials, UpstreamTimeouts timeouts, Supplier<Region> defaultRegion) {
        this.credentials = Objects.requireNonNull(credentials);
        this.timeouts = Objects.requireNonNull(timeouts);
        this.defaultRegion = Objects.requireNonNull(defaultRegion);
    }

    synchronized BedrockClientPair open(ProviderConfig config) {
        Region region = BedrockRegion.of(config.name(), config.baseUrl(), defaultRegion);
        BedrockRuntimeClientBuilder sync = BedrockRuntimeClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.call())
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeouts.call()));
        // No call timeout on the stream: a long answer may take longer than one call's timeout. The call
        // timeout bounds the wait for the stream's start instead, and the provider's idle limit each event.
        BedrockRuntimeAsyncClientBuilder async = BedrockRuntimeAsyncClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(new JdkAsyncHttpClient(timeouts.connect(), timeouts.call()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (config.baseUrl() != null) {
            sync.endpointOverride(URI.create(config.baseUrl()));
            async.endpointOverride(URI.create(config.baseUrl()));
        }
        BedrockClientPair pair = new BedrockClientPair(sync.build(), async.build(), credentials);
        opened.add(pair);
        return pair;
    }

    @Override
    public synchronized void close() {
        opened.forEach(BedrockClientPair::close);
        opened.clear();
    }
}
