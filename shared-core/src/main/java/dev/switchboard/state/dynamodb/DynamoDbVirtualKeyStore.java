package dev.switchboard.state.dynamodb;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;

/**
 * Virtual keys in the state table, one item per key, addressed by the key's SHA-256 hash:
 *
 * <pre>
 * pk         S  "vkey#" + hex SHA-256 of the key (the clear key is never stored)
 * sk         S  "key"
 * key_id     S  the public id ("vk_...")
 * user       S  the principal that pays
 * name       S  optional label
 * budget     M  present only when the admin set caps: {daily_usd N?, monthly_usd N?}; absent = seed default
 * rpm, tpm   N  optional per-key limits
 * created_at S  ISO-8601 instant
 * </pre>
 *
 * No TTL: a key lives until it is deleted. Creation is one conditional PutItem that never replaces
 * an existing hash; lookup is one strongly consistent GetItem, so a key works the moment its
 * creation returned (an eventually consistent miss would also be cached as unknown for seconds).
 */
public final class DynamoDbVirtualKeyStore implements VirtualKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbVirtualKeyStore.class);

    static final String SORT_KEY = "key";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbVirtualKeyStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
    }

    @Override
    public void create(String keyHash, VirtualKey key) {
        Map<String, AttributeValue> item = VirtualKeyItems.item(key);
        item.putAll(key(keyHash));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", SwitchboardTables.STATE.partitionKey())));
        } catch (ConditionalCheckFailedException e) {
            throw new DuplicateKeyHashException();
        } catch (SdkException e) {
            throw new StateUnavailableException("storing a virtual key in DynamoDB failed", e);
        }
    }

    @Override
    public Optional<VirtualKey> findByHash(String keyHash) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(keyHash))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : parsed(item);
        } catch (SdkException e) {
            throw new StateUnavailableException("reading a virtual key from DynamoDB failed", e);
        }
    }

    /** A record written by hand or by another version that this one cannot read refuses its key, loudly. */
    private static Optional<VirtualKey> parsed(Map<String, AttributeValue> item) {
        try {
            return Optional.of(VirtualKeyItems.key(item));
        } catch (RuntimeException e) {
            AttributeValue id = item.get("key_id");
            LOG.error("the record of virtual key {} cannot be read ({}): the key is refused until it is fixed",
                    id == null || id.s() == null ? "(no key_id)" : id.s(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String keyHash) {
        return Map.of(
                SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS("vkey#" + keyHash),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS(SORT_KEY));
    }
}
