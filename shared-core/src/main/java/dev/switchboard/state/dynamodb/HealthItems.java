package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The circuit items of the state table: one per deployment, rewritten only by a newer record.
 * <pre>
 *   pk = "health#" + deployment                    e.g. health#openai/gpt-4o
 *   sk = "circuit"
 *   deployment, state (OPEN | CLOSED), source, reason (absent when none)
 *   changed_at   epoch seconds with nine decimals: a number, so the write condition can compare it
 *   held_until   same form; only on a simulated outage, which holds until then (absent otherwise)
 *   expires_at   TTL, long after any breaker's recovery: a deployment removed from configuration
 *                does not keep its item for ever
 * </pre>
 */
final class HealthItems {

    static final String SORT_KEY = "circuit";
    static final String DEPLOYMENT = "deployment";
    static final String STATE = "state";
    static final String CHANGED_AT = "changed_at";
    static final String SOURCE = "source";
    static final String REASON = "reason";
    static final String HELD_UNTIL = "held_until";
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private HealthItems() {
    }

    static Map<String, AttributeValue> key(String deployment) {
        return Map.of(
                SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS(DynamoDbHealthStore.PARTITION_PREFIX + deployment),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS(SORT_KEY));
    }

    static Map<String, AttributeValue> item(CircuitRecord record, long expiresAtEpochSecond) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.deployment()));
        item.put(DEPLOYMENT, AttributeValue.fromS(record.deployment()));
        item.put(STATE, AttributeValue.fromS(record.state().name()));
        item.put(CHANGED_AT, changedAt(record.changedAt()));
        item.put(SOURCE, AttributeValue.fromS(record.source()));
        if (record.reason() != null) {
            item.put(REASON, AttributeValue.fromS(record.reason()));
        }
        if (record.heldUntil() != null) {
            item.put(HELD_UNTIL, changedAt(record.heldUntil()));
        }
        item.put(SwitchboardTables.STATE.ttlAttribute(), AttributeValue.fromN(Long.toString(expiresAtEpochSecond)));
        return item;
    }

    /** The instant as exact decimal seconds, so that records nanoseconds apart still order correctly. */
    static AttributeValue changedAt(Instant at) {
        BigDecimal seconds = new BigDecimal(BigInteger.valueOf(at.getEpochSecond()).multiply(NANOS.toBigInteger())
                .add(BigInteger.valueOf(at.getNano())), 9);
        return AttributeValue.fromN(seconds.toPlainString());
    }

    static CircuitRecord record(Map<String, AttributeValue> item) {
        AttributeValue reason = item.get(REASON);
        AttributeValue heldUntil = item.get(HELD_UNTIL);
        return new CircuitRecord(item.get(DEPLOYMENT).s(), CircuitState.valueOf(item.get(STATE).s()),
                instant(item.get(CHANGED_AT)), item.get(SOURCE).s(), reason == null ? null : reason.s(),
                heldUntil == null ? null : instant(heldUntil));
    }

    private static Instant instant(AttributeValue decimalSeconds) {
        BigInteger[] secondsAndNanos = new BigDecimal(decimalSeconds.n()).setScale(9).unscaledValue()
                .divideAndRemainder(NANOS.toBigInteger());
        return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }
}
