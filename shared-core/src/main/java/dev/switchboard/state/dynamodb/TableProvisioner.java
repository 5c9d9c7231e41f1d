package dev.switchboard.state.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables of {@link SwitchboardTables} where they are missing: for the local gateway and
 * for tests. On AWS the SAM template owns the tables and this is never called.
 */
public final class TableProvisioner {

    private final DynamoDbClient dynamo;

    public TableProvisioner(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Creates every missing table under {@code prefix}, waits until each is active, and enables TTL. */
    public void createMissing(String prefix) {
        for (TableDefinition table : SwitchboardTables.ALL) {
            String name = table.physicalName(prefix);
            try {
                dynamo.createTable(createRequest(table, name));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
                dynamo.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName(table.ttlAttribute())));
            } catch (ResourceInUseException alreadyThere) {
                // Another instance or an earlier run created it: exactly what we wanted.
            }
        }
    }

    static CreateTableRequest createRequest(TableDefinition table, String name) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(table.partitionKey())
                .attributeType(ScalarAttributeType.S).build());
        if (table.sortKey() != null) {
            keys.add(KeySchemaElement.builder().attributeName(table.sortKey()).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(table.sortKey())
                    .attributeType(ScalarAttributeType.S).build());
        }
        return CreateTableRequest.builder().tableName(name).keySchema(keys).attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }
}
