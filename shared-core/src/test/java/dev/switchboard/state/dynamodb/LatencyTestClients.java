package dev.switchboard.state.dynamodb;

import dev.switchboard.testing.TestAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A client on the test DynamoDB whose calls are counted (the harness's own client has no interceptor). */
final class LatencyTestClients {

    private LatencyTestClients() {
    }

    static DynamoDbClient counted(LatencyStoreCalls calls) {
        return DynamoDbClient.builder()
                .endpointOverride(TestAws.dynamoDbEndpoint())
                .region(Region.of(TestAws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
    }
}
