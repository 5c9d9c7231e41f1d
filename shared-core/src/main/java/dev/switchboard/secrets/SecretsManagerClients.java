package dev.switchboard.secrets;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.time.Duration;

/**
 * Builds the Secrets Manager client the way the DynamoDB client is built: the URL-connection HTTP client
 * (small Lambda artifact, fast start), a bounded call time, and the endpoint, region and dummy credentials
 * only when a local stand-in is configured.
 */
final class SecretsManagerClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private SecretsManagerClients() {
    }

    static SecretsManagerClient create(SecretsManagerSettings settings) {
        return builder(settings).build();
    }

    /** The configured builder, for tests that add an interceptor before building. */
    static SecretsManagerClientBuilder builder(SecretsManagerSettings settings) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(settings.apiCallTimeout())
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout()));
        if (settings.region() != null && !settings.region().isBlank()) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (settings.localCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder;
    }
}
