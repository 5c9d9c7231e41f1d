package dev.switchboard.state.dynamodb;

import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.VirtualKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link VirtualKey} and its list entry to and from state-table attributes (see {@link DynamoDbVirtualKeyStore}). */
final class VirtualKeyItems {

    static final String ID = "key_id";
    static final String USER = "user";
    static final String KEY_HASH = "key_hash";
    static final String REVOKED_AT = "revoked_at";
    /** How many times a key was changed (see {@link DynamoDbVirtualKeyStore#update}); absent until the first change. */
    static final String REVISION = "revision";
    private static final String NAME = "name";
    private static final String BUDGET = "budget";
    private static final String DAILY = "daily_usd";
    private static final String MONTHLY = "monthly_usd";
    private static final String RPM = "rpm";
    private static final String TPM = "tpm";
    private static final String CREATED = "created_at";
    private static final String EXPIRES = "expires_at";
    /** A list, not a set: the admin's order is kept for the list they see. Absent when every model may be used. */
    private static final String MODELS = "models";

    private VirtualKeyItems() {
    }

    static Map<String, AttributeValue> item(VirtualKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(key.id()));
        item.put(USER, AttributeValue.fromS(key.user()));
        item.put(CREATED, AttributeValue.fromS(key.createdAt().toString()));
        if (key.name() != null) {
            item.put(NAME, AttributeValue.fromS(key.name()));
        }
        if (key.expiresAt() != null) {
            item.put(EXPIRES, AttributeValue.fromS(key.expiresAt().toString()));
        }
        if (key.budget() != null) {
            Map<String, AttributeValue> caps = new HashMap<>();
            putNumber(caps, DAILY, key.budget().dailyUsd());
            putNumber(caps, MONTHLY, key.budget().monthlyUsd());
            item.put(BUDGET, AttributeValue.fromM(caps));
        }
        putNumber(item, RPM, key.limits().requestsPerMinute());
        putNumber(item, TPM, key.limits().tokensPerMinute());
        if (!key.models().isEmpty()) {
            item.put(MODELS, AttributeValue.fromL(key.models().stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    /**
     * The list entry read, {@code read}, changed to hold {@code changed}: every attribute this version writes is
     * replaced (or removed, when the change cleared it); any other, written by a newer version, stays, so that a
     * change made during a deploy or after a rollback does not lose it.
     */
    static Map<String, AttributeValue> changedEntry(Map<String, AttributeValue> read, VirtualKey changed) {
        Map<String, AttributeValue> entry = new HashMap<>(read);
        entry.keySet().removeAll(List.of(NAME, EXPIRES, BUDGET, RPM, TPM, MODELS));
        entry.putAll(item(changed));
        return entry;
    }

    /** The key item of a changed entry ({@link #changedEntry}): the same attributes but the entry's own. */
    static Map<String, AttributeValue> keyItemOf(Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> item = new HashMap<>(entry);
        item.keySet().removeAll(List.of(KEY_HASH, REVOKED_AT, REVISION));
        return item;
    }

    /** The list entry's attributes: the key's, and the hash its key item is stored under. */
    static Map<String, AttributeValue> listEntry(String keyHash, VirtualKey key) {
        Map<String, AttributeValue> entry = item(key);
        entry.put(KEY_HASH, AttributeValue.fromS(keyHash));
        return entry;
    }

    /** A key item or a list entry; only an entry can carry a revocation time. */
    static ListedKey listed(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get(REVOKED_AT);
        return new ListedKey(key(item), revoked == null ? null : Instant.parse(revoked.s()));
    }

    static VirtualKey key(Map<String, AttributeValue> item) {
        BudgetCaps budget = null;
        if (item.containsKey(BUDGET)) {
            Map<String, AttributeValue> caps = item.get(BUDGET).m();
            budget = new BudgetCaps(decimal(caps, DAILY), decimal(caps, MONTHLY));
        }
        BigDecimal rpm = decimal(item, RPM);
        BigDecimal tpm = decimal(item, TPM);
        return new VirtualKey(item.get(ID).s(), item.get(USER).s(), budget,
                new RateLimits(rpm == null ? null : rpm.longValueExact(), tpm == null ? null : tpm.longValueExact()),
                Instant.parse(item.get(CREATED).s()), item.containsKey(NAME) ? item.get(NAME).s() : null,
                item.containsKey(EXPIRES) ? Instant.parse(item.get(EXPIRES).s()) : null, models(item.get(MODELS)));
    }

    /**
     * The key's models, or none for every model. Anything but a list of names (a set or an empty list written by
     * hand) is refused rather than read as "every model": a limit must not fall open.
     */
    private static List<String> models(AttributeValue models) {
        if (models == null) {
            return List.of();
        }
        if (!models.hasL() || models.l().isEmpty() || models.l().stream().anyMatch(m -> m.s() == null)) {
            throw new IllegalStateException("models is not a list of names");
        }
        return models.l().stream().map(AttributeValue::s).toList();
    }

    private static void putNumber(Map<String, AttributeValue> map, String name, Object value) {
        if (value != null) {
            String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            map.put(name, AttributeValue.fromN(text));
        }
    }

    private static BigDecimal decimal(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : new BigDecimal(value.n());
    }
}
