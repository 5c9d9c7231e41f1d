package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachePayload;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CachedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The items of the cache table, one per cached answer. Static helpers, so that a caller can fold a
 * cache read into a BatchGetItem or a cache write into a TransactWriteItems with other state.
 * <pre>
 *   pk          the {@link CacheKey}'s 64 hex digits (a hash, so the keys spread evenly over partitions)
 *   expires_at  TTL, epoch seconds; also checked on every read, since DynamoDB deletes expired items
 *               only eventually (hours on AWS)
 *   json        the answer as UTF-8 JSON ({@code CachedResponseJson}: provider, stored_at, cost, model,
 *               text, usage, finish reason, tool calls), a string attribute readable in the console; or
 *   json_gz     the same JSON gzipped (binary), when it is larger than compress-above-bytes
 * </pre>
 * An answer whose item would exceed max-item-bytes even compressed gets no item at all.
 */
final class CacheItems {

    static final String JSON = "json";
    static final String JSON_GZIP = "json_gz";
    private static final Logger LOG = LoggerFactory.getLogger(CacheItems.class);
    private static final TableDefinition TABLE = SwitchboardTables.CACHE;

    private CacheItems() {
    }

    static Map<String, AttributeValue> key(CacheKey key) {
        return Map.of(TABLE.partitionKey(), AttributeValue.fromS(key.value()));
    }

    /** The item to put for {@code response}; empty when it would be too large to keep. */
    static Optional<Map<String, AttributeValue>> item(CacheKey key, CachedResponse response, Instant expiresAt,
                                                      CacheSettings settings) {
        CachePayload payload = CachePayload.encode(response, settings);
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(TABLE.ttlAttribute(), AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        if (payload.gzipped()) {
            item.put(JSON_GZIP, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(payload.bytes())));
        } else {
            item.put(JSON, AttributeValue.fromS(new String(payload.bytes(), StandardCharsets.UTF_8)));
        }
        return size(item) > settings.maxItemBytes() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The answer an item read back holds: empty when there is no item, when it has expired by
     * {@code now}, or when it cannot be read (logged without its content, and then simply a miss).
     */
    static Optional<CachedResponse> parse(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            long expiresAt = Long.parseLong(item.get(TABLE.ttlAttribute()).n());
            if (now.getEpochSecond() >= expiresAt) {
                return Optional.empty();
            }
            AttributeValue plain = item.get(JSON);
            AttributeValue packed = item.get(JSON_GZIP);
            CachePayload payload = plain != null && plain.s() != null
                    ? CachePayload.stored(plain.s().getBytes(StandardCharsets.UTF_8), false)
                    : CachePayload.stored(packed.b().asByteArrayUnsafe(), true);
            return Optional.of(payload.decode());
        } catch (RuntimeException e) {
            LOG.warn("Unreadable response cache item {} treated as a miss: {}", keyOf(item), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * An upper bound of DynamoDB's size of an item: each attribute's name plus its value (UTF-8
     * bytes of a string, raw bytes of a binary, and at most the digit count plus one of a number).
     */
    static int size(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey());
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += utf8Length(value.s());
            } else if (value.b() != null) {
                size += value.b().asByteArrayUnsafe().length;
            } else if (value.n() != null) {
                size += value.n().length() + 1;
            }
        }
        return size;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(TABLE.partitionKey());
        // A prefix is enough to find the item; the full hash of a prompt need not be in the logs.
        return pk == null || pk.s() == null ? "(no key)" : pk.s().substring(0, Math.min(12, pk.s().length())) + "...";
    }
}
