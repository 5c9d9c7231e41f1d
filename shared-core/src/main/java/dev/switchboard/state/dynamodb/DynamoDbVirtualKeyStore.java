package dev.switchboard.state.dynamodb;

import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Virtual keys in the state table: one item per key, addressed by the key's SHA-256 hash, and one list
 * entry per key id, all in one partition so that the admin's list is a Query:
 *
 * <pre>
 * key item    pk "vkey#" + hex SHA-256 of the key (the clear key is never stored), sk "key"
 * list entry  pk "vkeys", sk the key id ("vk_..."), key_hash S, revoked_at S (ISO-8601, once revoked)
 * both        key_id S, user S, name S?, budget M? {daily_usd N?, monthly_usd N?} (absent = seed default),
 *             rpm N?, tpm N?, created_at S (ISO-8601), expires_at S? (ISO-8601; checked at each use)
 * </pre>
 *
 * No TTL: a key lives until it is revoked (or stops working at its expiry, checked at each use), which deletes its key item and marks its list entry. Creation
 * writes both in one transaction that replaces neither; lookup is one strongly consistent GetItem, so a key
 * works the moment its creation returned (an eventually consistent miss would also be cached as unknown
 * for seconds). A change puts both again in one transaction that holds only while the key is neither revoked nor
 * changed by another call. Keys are created, listed, changed and revoked by the admin only, so the one list
 * partition stays cold.
 */
public final class DynamoDbVirtualKeyStore implements VirtualKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbVirtualKeyStore.class);

    static final String SORT_KEY = "key";
    public static final String LIST_PARTITION = "vkeys";
    /** What every key item's partition key starts with (the template's metrics role is held to these items). */
    public static final String KEY_PARTITION_PREFIX = "vkey#";
    /** Entries a filtered list reads per round trip: the filter applies after DynamoDB's limit. */
    static final int FILTERED_READ = 1_000;
    /** Reads and writes of one change before it gives up on a key that other calls keep changing. */
    static final int UPDATE_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int filteredRead;
    private final String pk = SwitchboardTables.STATE.partitionKey();
    private final String sk = SwitchboardTables.STATE.sortKey();

    public DynamoDbVirtualKeyStore(DynamoDbClient dynamo, String tablePrefix) {
        this(dynamo, tablePrefix, FILTERED_READ);
    }

    DynamoDbVirtualKeyStore(DynamoDbClient dynamo, String tablePrefix, int filteredRead) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.filteredRead = filteredRead;
    }

    @Override
    public void create(String keyHash, VirtualKey key) {
        Map<String, AttributeValue> item = VirtualKeyItems.item(key);
        item.putAll(keyItem(keyHash));
        Map<String, AttributeValue> entry = VirtualKeyItems.listEntry(keyHash, key);
        entry.putAll(listEntry(key.id()));
        List<TransactWriteItem> writes = List.of(newItem(item), newItem(entry));
        String token = token(keyHash, key.id());
        try {
            write(writes, token);
        } catch (SdkException first) {
            if (!unanswered(first)) {
                throw new StateUnavailableException("storing a virtual key in DynamoDB failed", first);
            }
            // The transaction may have landed with its answer lost: repeated with the same token, DynamoDB answers
            // one it applied with success instead of refusing the key as a duplicate of itself.
            LOG.warn("storing virtual key {} got no answer ({}); repeating it once", key.id(),
                    first.getClass().getSimpleName());
            try {
                write(writes, token);
            } catch (SdkException e) {
                throw new StateUnavailableException("storing a virtual key in DynamoDB failed", e);
            }
        }
    }

    /**
     * Whether the call may have landed without its answer reaching us: lost on the way (client side, timeouts) or
     * failed on DynamoDB's side (5xx, throttling). A refusal (access denied, no table, a malformed request) is not.
     */
    private static boolean unanswered(SdkException e) {
        return e instanceof SdkClientException || (e instanceof SdkServiceException service
                && (service.statusCode() >= 500 || service.isThrottlingException()));
    }

    /**
     * The transaction's idempotency token: the same for a repeat of this creation, another for any other key or
     * id (DynamoDB refuses a token reused with other items instead of checking their conditions); 36 characters.
     */
    static String token(String keyHash, String keyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((keyHash + "\n" + keyId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One attempt; a refusal that proves the transaction cannot land ends as such, anything else is thrown. */
    private void write(List<TransactWriteItem> writes, String token) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes).clientRequestToken(token));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                throw new DuplicateKeyHashException();
            }
            throw new StateUnavailableException("storing a virtual key in DynamoDB was cancelled", e);
        }
    }

    private TransactWriteItem newItem(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", pk))
                .build()).build();
    }

    @Override
    public Optional<VirtualKey> findByHash(String keyHash) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(keyItem(keyHash))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : parsed(item).map(ListedKey::key);
        } catch (SdkException e) {
            throw new StateUnavailableException("reading a virtual key from DynamoDB failed", e);
        }
    }

    @Override
    public KeyPage list(String afterId, int limit, String user) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        // One more than the page, so that the last page is known to be the last.
        List<ListedKey> found = new ArrayList<>();
        Map<String, AttributeValue> start = afterId == null ? null : listEntry(afterId);
        do {
            QueryResponse page = query(start, user, limit + 1 - found.size());
            for (Map<String, AttributeValue> entry : page.items()) {
                parsed(entry).ifPresent(found::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() <= limit);
        if (found.size() <= limit) {
            return new KeyPage(found, null);
        }
        List<ListedKey> keys = found.subList(0, limit);
        return new KeyPage(keys, keys.get(limit - 1).key().id());
    }

    private QueryResponse query(Map<String, AttributeValue> start, String user, int wanted) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", pk));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(LIST_PARTITION)));
        if (user != null) {
            names.put("#user", VirtualKeyItems.USER);
            values.put(":user", AttributeValue.fromS(user));
        }
        try {
            return dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                    .filterExpression(user == null ? null : "#user = :user")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .exclusiveStartKey(start).limit(user == null ? wanted : filteredRead).consistentRead(true));
        } catch (SdkException e) {
            throw new StateUnavailableException("listing virtual keys in DynamoDB failed", e);
        }
    }

    @Override
    public Optional<ListedKey> revoke(String keyId, Instant at) {
        Optional<Map<String, AttributeValue>> entry = readEntry(keyId);
        Optional<ListedKey> listed = entry.flatMap(DynamoDbVirtualKeyStore::parsed);
        if (listed.isEmpty() || listed.get().revoked()) {
            return listed;
        }
        String keyHash = keyHash(entry.get(), keyId);
        TransactWriteItem deleteKey = TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(keyItem(keyHash)).build()).build();
        TransactWriteItem markEntry = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(listEntry(keyId)).updateExpression("SET #revoked = :at")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#revoked)")
                .expressionAttributeNames(Map.of("#pk", pk, "#revoked", VirtualKeyItems.REVOKED_AT))
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))).build()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(deleteKey, markEntry));
            return Optional.of(new ListedKey(listed.get().key(), at));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                // Another admin call revoked it first: answer with the time that call recorded.
                return readEntry(keyId).flatMap(DynamoDbVirtualKeyStore::parsed);
            }
            throw new StateUnavailableException("revoking a virtual key in DynamoDB was cancelled", e);
        } catch (SdkException e) {
            throw new StateUnavailableException("revoking a virtual key in DynamoDB failed", e);
        }
    }

    /**
     * Reads the entry, applies {@code change} and writes the key and its entry in one transaction that holds only
     * if neither was revoked nor changed since the read (the entry's revision); a change that lost such a race is
     * applied again to the key as the other call left it, up to {@link #UPDATE_ATTEMPTS} times.
     */
    @Override
    public Optional<ListedKey> update(String keyId, UnaryOperator<VirtualKey> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> entry = readEntry(keyId);
            Optional<ListedKey> listed = entry.flatMap(DynamoDbVirtualKeyStore::parsed);
            if (listed.isEmpty() || listed.get().revoked()) {
                return listed;
            }
            VirtualKey changed = listed.get().key().requireSameKey(change.apply(listed.get().key()));
            if (written(keyHash(entry.get(), keyId), entry.get(), changed)) {
                return Optional.of(new ListedKey(changed, null));
            }
            if (attempt == UPDATE_ATTEMPTS) {
                throw new StateUnavailableException("virtual key " + keyId + " kept changing while it was being "
                        + "changed", null);
            }
        }
    }

    /**
     * Writes {@code changed} over the entry as {@code read} (at its revision) and over its key item; false when the
     * key was revoked or changed since, or another call's transaction held its items.
     */
    private boolean written(String keyHash, Map<String, AttributeValue> read, VirtualKey changed) {
        long revision = revision(read);
        Map<String, AttributeValue> entry = VirtualKeyItems.changedEntry(read, changed);
        entry.put(VirtualKeyItems.REVISION, AttributeValue.fromN(Long.toString(revision + 1)));
        Map<String, AttributeValue> item = VirtualKeyItems.keyItemOf(entry);
        item.putAll(keyItem(keyHash));
        // The key item is gone once revoked; the entry holds the revocation and the revision.
        TransactWriteItem putKey = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", pk))
                .build()).build();
        Map<String, AttributeValue> values = revision == 0 ? null
                : Map.of(":revision", AttributeValue.fromN(Long.toString(revision)));
        TransactWriteItem putEntry = TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry)
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#revoked) AND "
                        + (revision == 0 ? "attribute_not_exists(#revision)" : "#revision = :revision"))
                .expressionAttributeNames(Map.of("#pk", pk, "#revoked", VirtualKeyItems.REVOKED_AT,
                        "#revision", VirtualKeyItems.REVISION))
                .expressionAttributeValues(values).build()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(putKey, putEntry));
            return true;
        } catch (TransactionCanceledException e) {
            List<String> reasons = e.cancellationReasons().stream().map(r -> String.valueOf(r.code())).toList();
            if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(0))
                    && !"ConditionalCheckFailed".equals(reasons.get(1)) && !reasons.contains("TransactionConflict")) {
                // The entry is as read, unrevoked, yet the key item is gone: no retry can mend that.
                throw new StateUnavailableException("virtual key " + changed.id() + " is listed but its key item is "
                        + "missing (deleted by hand?): revoke it", null);
            }
            if (reasons.contains("ConditionalCheckFailed") || reasons.contains("TransactionConflict")) {
                return false; // revoked or changed meanwhile, or another call's transaction on these items
            }
            throw new StateUnavailableException("changing a virtual key in DynamoDB was cancelled", e);
        } catch (SdkException e) {
            throw new StateUnavailableException("changing a virtual key in DynamoDB failed", e);
        }
    }

    private static long revision(Map<String, AttributeValue> entry) {
        AttributeValue revision = entry.get(VirtualKeyItems.REVISION);
        return revision == null ? 0 : Long.parseLong(revision.n());
    }

    private static String keyHash(Map<String, AttributeValue> entry, String keyId) {
        AttributeValue hash = entry.get(VirtualKeyItems.KEY_HASH);
        if (hash == null || hash.s() == null || hash.s().isBlank()) {
            // Without the hash the key item cannot be found to delete: fail rather than report a revocation.
            throw new IllegalStateException("the list entry of virtual key " + keyId + " names no key_hash");
        }
        return hash.s();
    }

    private Optional<Map<String, AttributeValue>> readEntry(String keyId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(listEntry(keyId))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (SdkException e) {
            throw new StateUnavailableException("reading a virtual key's list entry from DynamoDB failed", e);
        }
    }

    /** A record written by hand or by another version that this one cannot read refuses its key, loudly. */
    private static Optional<ListedKey> parsed(Map<String, AttributeValue> item) {
        try {
            return Optional.of(VirtualKeyItems.listed(item));
        } catch (RuntimeException e) {
            AttributeValue id = item.get(VirtualKeyItems.ID);
            LOG.error("the record of virtual key {} cannot be read ({}): the key is refused and left out of the "
                    + "list until it is fixed", id == null || id.s() == null ? "(no key_id)" : id.s(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Map<String, AttributeValue> keyItem(String keyHash) {
        return Map.of(pk, AttributeValue.fromS(KEY_PARTITION_PREFIX + keyHash), sk, AttributeValue.fromS(SORT_KEY));
    }

    private Map<String, AttributeValue> listEntry(String keyId) {
        return Map.of(pk, AttributeValue.fromS(LIST_PARTITION), sk, AttributeValue.fromS(keyId));
    }
}
