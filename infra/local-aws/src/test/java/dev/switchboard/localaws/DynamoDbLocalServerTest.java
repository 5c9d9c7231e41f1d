package dev.switchboard.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbLocalServerTest {

    private static final String TABLE = "budgets";

    @Test
    void servesTheRealDynamoDbProtocolOnAFreeLoopbackPort() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
             DynamoDbClient dynamo = clientFor(server)) {
            assertTrue(server.port() > 0);
            assertEquals("http://127.0.0.1:" + server.port(), server.endpoint().toString());

            createTable(dynamo);
            dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
                    "id", AttributeValue.fromS("tenant-1"),
                    "spent", AttributeValue.fromN("5"))));

            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("tenant-1")))
                    .consistentRead(true)).item();
            assertEquals("5", item.get("spent").n());

            // The budget check the gateway relies on: an ADD guarded by a ceiling must refuse, not apply.
            assertThrows(ConditionalCheckFailedException.class, () -> dynamo.updateItem(b -> b.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("tenant-1")))
                    .updateExpression("ADD spent :delta")
                    .conditionExpression("spent <= :ceiling")
                    .expressionAttributeValues(Map.of(
                            ":delta", AttributeValue.fromN("10"),
                            ":ceiling", AttributeValue.fromN("4")))));

            Map<String, AttributeValue> unchanged = dynamo.getItem(b -> b.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("tenant-1")))
                    .consistentRead(true)).item();
            assertEquals("5", unchanged.get("spent").n());
        }
    }

    @Test
    void keepsTablesInTheDataDirectoryAcrossRestarts(@TempDir Path dataDirectory) {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startPersistent(dataDirectory, 0);
             DynamoDbClient dynamo = clientFor(server)) {
            createTable(dynamo);
        }
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startPersistent(dataDirectory, 0);
             DynamoDbClient dynamo = clientFor(server)) {
            assertTrue(dynamo.listTables().tableNames().contains(TABLE));
        }
    }

    @Test
    void usesTheRequestedPortAndFreesItOnClose() throws IOException {
        int port = freePort();
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory(port)) {
            assertEquals(port, server.port());
        }
        // Bindable again straight away: close really released the socket.
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void refusesAPortAlreadyInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThrows(IllegalStateException.class, () -> DynamoDbLocalServer.startInMemory(taken.getLocalPort()));
        }
    }

    @Test
    void acceptsConnectionsOnLoopback() throws IOException {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
            assertTrue(socket.isConnected());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    private static DynamoDbClient clientFor(DynamoDbLocalServer server) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
