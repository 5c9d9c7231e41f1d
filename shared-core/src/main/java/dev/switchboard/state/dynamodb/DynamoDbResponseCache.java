package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.ResponseCache;
import dev.switchboard.state.StateUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The response cache in its own DynamoDB table ({@link CacheItems} describes the items): a lookup is
 * one GetItem, a store one PutItem that replaces whatever was there. Reads are eventually consistent:
 * an answer stored a moment ago by another instance may be missed once, which costs one provider call
 * and halves the read's price.
 */
public final class DynamoDbResponseCache implements ResponseCache {

    private final DynamoDbClient dynamo;
    private final String table;
    private final CacheSettings settings;
    private final Clock clock;

    public DynamoDbResponseCache(DynamoDbClient dynamo, String tablePrefix, CacheSettings settings, Clock clock) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.CACHE.physicalName(tablePrefix);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).key(CacheItems.key(key))).item();
        } catch (SdkException e) {
            throw new StateUnavailableException("reading the response cache from DynamoDB failed", e);
        }
        return CacheItems.parse(item, clock.instant());
    }

    @Override
    public boolean put(CacheKey key, CachedResponse response) {
        Instant expiresAt = clock.instant().plus(settings.ttl());
        Optional<Map<String, AttributeValue>> item = CacheItems.item(key, response, expiresAt, settings);
        if (item.isEmpty()) {
            return false;
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item.get()));
            return true;
        } catch (SdkException e) {
            throw new StateUnavailableException("writing the response cache to DynamoDB failed", e);
        }
    }
}
