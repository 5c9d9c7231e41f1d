package dev.switchboard.state.dynamodb;

import dev.switchboard.state.AdmissionCounter;
import dev.switchboard.state.CounterMeasure;
import dev.switchboard.state.CounterUpdate;
import dev.switchboard.state.CounterUpdate.Increment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admission counters as items of the state table. One item per counter:
 * <pre>
 *   pk rate#deployment#{deployment} | rate#key#{keyId}   sk minute#2026-11-22T12:00Z   requests, tokens
 *   pk budget#{principal}                                 sk day#2026-11-22 | month#2026-11   spent_usd
 * </pre>
 * each with expires_at (TTL). A counter update becomes one transaction item: ADD of every amount and,
 * for each limited amount, {@code attribute_not_exists(n) OR n <= :room} (room = limit - amount), so
 * the item never passes its limit. When the amount alone passes the limit the room is negative and
 * the condition is just {@code n <= :room}, which no item (absent or not) meets.
 */
final class AdmissionItems {

    private AdmissionItems() {
    }

    static Map<String, AttributeValue> key(AdmissionCounter counter) {
        return Map.of(
                SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS(counter.partitionKey()),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS(counter.sortKey()));
    }

    static TransactWriteItem write(String table, CounterUpdate update) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        names.put("#ttl", SwitchboardTables.STATE.ttlAttribute());
        values.put(":ttl", AttributeValue.fromN(Long.toString(update.counter().expiresAtEpochSecond())));
        List<Increment> increments = update.increments();
        for (int i = 0; i < increments.size(); i++) {
            Increment inc = increments.get(i);
            names.put("#m" + i, inc.measure().attribute());
            values.put(":a" + i, number(inc.amount()));
            adds.add("#m" + i + " :a" + i);
            if (inc.limit() != null) {
                BigDecimal room = inc.room();
                values.put(":r" + i, number(room));
                conditions.add(room.signum() < 0 ? "#m" + i + " <= :r" + i
                        : "(attribute_not_exists(#m" + i + ") OR #m" + i + " <= :r" + i + ")");
            }
        }
        Update.Builder item = Update.builder().tableName(table).key(key(update.counter()))
                .updateExpression("ADD " + String.join(", ", adds) + " SET #ttl = :ttl")
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            // The old item comes back only when the condition fails: it says what was used, at no extra call.
            item.conditionExpression(String.join(" AND ", conditions))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        return TransactWriteItem.builder().update(item.build()).build();
    }

    /** The counted values of an item as DynamoDB returned it; absent measures are left out (zero). */
    static Map<CounterMeasure, BigDecimal> measures(Map<String, AttributeValue> item) {
        Map<CounterMeasure, BigDecimal> values = new EnumMap<>(CounterMeasure.class);
        if (item != null) {
            for (CounterMeasure m : CounterMeasure.values()) {
                AttributeValue v = item.get(m.attribute());
                if (v != null && v.n() != null) {
                    values.put(m, new BigDecimal(v.n()));
                }
            }
        }
        return values;
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
