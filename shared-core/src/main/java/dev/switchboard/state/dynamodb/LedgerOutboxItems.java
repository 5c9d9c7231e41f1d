package dev.switchboard.state.dynamodb;

import dev.switchboard.ledger.LedgerEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A parked ledger row as an item of the state table:
 * <pre>
 *   pk = "ledger-outbox"    sk = createdAt (ISO-8601) + "#" + id, so a Query reads the oldest first
 *   one attribute per column of the row (absent when null), and expires_at: kept 30 days at most
 * </pre>
 * One partition holds every parked row: rows are parked only while the ledger is down, so it is
 * never hot in normal running, and one Query drains it in order.
 */
final class LedgerOutboxItems {

    static final String PARTITION = "ledger-outbox";

    private LedgerOutboxItems() {
    }

    static Map<String, AttributeValue> key(LedgerEntry e) {
        return Map.of(SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS(PARTITION),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS(e.createdAt() + "#" + e.id()));
    }

    static Map<String, AttributeValue> item(LedgerEntry e, long expiresAtEpochSecond) {
        Map<String, AttributeValue> item = new HashMap<>(key(e));
        item.put(SwitchboardTables.STATE.ttlAttribute(), number(expiresAtEpochSecond));
        text(item, "id", e.id());
        text(item, "created_at", e.createdAt().toString());
        text(item, "principal", e.principal());
        text(item, "endpoint", e.endpoint());
        text(item, "strategy", e.strategy());
        text(item, "confidence", e.confidence());
        text(item, "pattern", e.pattern());
        item.put("complexity", AttributeValue.fromN(Double.toString(e.complexity())));
        text(item, "provider", e.provider());
        text(item, "model", e.model());
        item.put("tokens_in", number(e.tokensIn()));
        item.put("tokens_out", number(e.tokensOut()));
        item.put("cost", AttributeValue.fromN(e.cost().toPlainString()));
        item.put("baseline_cost", AttributeValue.fromN(e.baselineCost().toPlainString()));
        item.put("priced", AttributeValue.fromBool(e.priced()));
        item.put("latency_ms", number(e.latencyMs()));
        item.put("cache_hit", AttributeValue.fromBool(e.cacheHit()));
        item.put("fallback_used", AttributeValue.fromBool(e.fallbackUsed()));
        item.put("attempts", number(e.attempts()));
        text(item, "status", e.status());
        text(item, "error_type", e.errorType());
        text(item, "tier", e.tier());
        text(item, "first_choice", e.firstChoice());
        text(item, "learner_features", e.learnerFeatures());
        text(item, "learner_outcome", e.learnerOutcome());
        text(item, "learner_note", e.learnerNote());
        if (e.cacheAsked() != null) {
            item.put("cache_asked", AttributeValue.fromBool(e.cacheAsked()));
        }
        item.put("cached_tokens_in", number(e.cachedTokensIn()));
        item.put("cache_write_tokens_in", number(e.cacheWriteTokensIn()));
        if (e.firstChunkMs() != null) {
            item.put("first_chunk_ms", number(e.firstChunkMs()));
        }
        return item;
    }

    /** Whether the item's expiry (its TTL attribute) has passed at {@code nowEpochSecond}; an item without one has not. */
    static boolean expired(Map<String, AttributeValue> item, long nowEpochSecond) {
        AttributeValue expires = item.get(SwitchboardTables.STATE.ttlAttribute());
        return expires != null && expires.n() != null && Long.parseLong(expires.n()) <= nowEpochSecond;
    }

    static LedgerEntry entry(Map<String, AttributeValue> item) {
        return new LedgerEntry(s(item, "id"), Instant.parse(s(item, "created_at")), s(item, "principal"),
                s(item, "endpoint"), s(item, "strategy"), s(item, "confidence"), s(item, "pattern"),
                Double.parseDouble(item.get("complexity").n()), s(item, "provider"), s(item, "model"),
                Integer.parseInt(item.get("tokens_in").n()), Integer.parseInt(item.get("tokens_out").n()),
                new BigDecimal(item.get("cost").n()), new BigDecimal(item.get("baseline_cost").n()),
                item.get("priced").bool(), Long.parseLong(item.get("latency_ms").n()), item.get("cache_hit").bool(),
                item.get("fallback_used").bool(), Integer.parseInt(item.get("attempts").n()), s(item, "status"),
                s(item, "error_type"), s(item, "tier"), s(item, "first_choice"), s(item, "learner_features"),
                s(item, "learner_outcome"), s(item, "learner_note"),
                item.containsKey("cache_asked") ? item.get("cache_asked").bool() : null,
                countOrZero(item, "cached_tokens_in"), countOrZero(item, "cache_write_tokens_in"),
                item.containsKey("first_chunk_ms") ? Long.valueOf(item.get("first_chunk_ms").n()) : null);
    }

    private static void text(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** An item parked before the prompt-cache counts were kept has none: 0. */
    private static int countOrZero(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
