package dev.switchboard.testing;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestAwsTest {

    @Test
    void theDefaultBackendIsInProcessAndOnLoopback() {
        assertEquals("local", TestAws.backendName());
        assertEquals("127.0.0.1", TestAws.dynamoDbEndpoint().getHost());
        assertEquals("127.0.0.1", TestAws.secretsManagerEndpoint().getHost());
        assertEquals("us-east-1", TestAws.region());
    }

    @Test
    void dynamoDbWorks() {
        try (DynamoDbClient dynamo = TestAws.dynamoDbClient()) {
            dynamo.createTable(b -> b.tableName("test_aws_routes")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            dynamo.putItem(b -> b.tableName("test_aws_routes")
                    .item(Map.of("pk", AttributeValue.fromS("route#1"), "model", AttributeValue.fromS("small"))));
            assertEquals("small", dynamo.getItem(b -> b.tableName("test_aws_routes")
                    .key(Map.of("pk", AttributeValue.fromS("route#1")))).item().get("model").s());
        }
    }

    @Test
    void secretsManagerWorks() {
        String arn = TestAws.putSecret("switchboard/test-aws", "{\"token\":\"abc\"}");
        try (SecretsManagerClient secrets = TestAws.secretsManagerClient()) {
            assertEquals("{\"token\":\"abc\"}", secrets.getSecretValue(b -> b.secretId("switchboard/test-aws")).secretString());
            assertEquals(arn, secrets.getSecretValue(b -> b.secretId(arn)).arn());
        }
    }

    @Test
    void micronautPropertiesPointAtTheBackend() {
        Map<String, Object> properties = TestAws.micronautProperties();
        String dynamo = TestAws.dynamoDbEndpoint().toString();
        assertEquals(dynamo, properties.get("switchboard.dynamodb.endpoint"));
        assertEquals(dynamo, properties.get("aws.services.dynamodb.endpoint-override"));
        assertEquals(TestAws.secretsManagerEndpoint().toString(), properties.get("aws.services.secretsmanager.endpoint-override"));
        assertEquals("us-east-1", properties.get("aws.region"));
        assertTrue(dynamo.startsWith("http://127.0.0.1:"));
    }
}
