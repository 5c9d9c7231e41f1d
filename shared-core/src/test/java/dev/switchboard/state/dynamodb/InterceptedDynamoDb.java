package dev.switchboard.state.dynamodb;

import dev.switchboard.testing.TestAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Clients on the test DynamoDB whose calls pass through a test's interceptor. */
final class InterceptedDynamoDb {

    private InterceptedDynamoDb() {
    }

    /** A new client; the caller closes it. */
    static DynamoDbClient client(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(TestAws.dynamoDbEndpoint())
                .region(Region.of(TestAws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }
}
