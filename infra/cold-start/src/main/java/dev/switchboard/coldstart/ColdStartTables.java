package dev.switchboard.coldstart;

import dev.switchboard.localaws.DynamoDbLocalServer;
import dev.switchboard.state.dynamodb.TableProvisioner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creates the function's tables in the benchmark's DynamoDB Local before the runs, as a deploy would. */
final class ColdStartTables {

    private ColdStartTables() {
    }

    static void create(DynamoDbLocalServer dynamo, String prefix) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            new TableProvisioner(client).createMissing(prefix);
        }
    }
}
