package dev.switchboard.state.dynamodb;

import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.VirtualKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link VirtualKey} to and from its state-table attributes (see {@link DynamoDbVirtualKeyStore}). */
final class VirtualKeyItems {

    private static final String ID = "key_id";
    private static final String USER = "user";
    private static final String NAME = "name";
    private static final String BUDGET = "budget";
    private static final String DAILY = "daily_usd";
    private static final String MONTHLY = "monthly_usd";
    private static final String RPM = "rpm";
    private static final String TPM = "tpm";
    private static final String CREATED = "created_at";

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
        if (key.budget() != null) {
            Map<String, AttributeValue> caps = new HashMap<>();
            putNumber(caps, DAILY, key.budget().dailyUsd());
            putNumber(caps, MONTHLY, key.budget().monthlyUsd());
            item.put(BUDGET, AttributeValue.fromM(caps));
        }
        putNumber(item, RPM, key.limits().requestsPerMinute());
        putNumber(item, TPM, key.limits().tokensPerMinute());
        return item;
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
                Instant.parse(item.get(CREATED).s()), item.containsKey(NAME) ? item.get(NAME).s() : null);
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
