package dev.switchboard.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;

/**
 * Real AWS SDK clients for a test backend: dummy static credentials and a fixed region, so a client never
 * looks for real credentials or asks an instance metadata endpoint, and the same HTTP client as the Lambdas.
 */
final class AwsClients {

    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";
    static final Region REGION = Region.US_EAST_1;

    private AwsClients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static SecretsManagerClient secretsManager(URI endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }
}
