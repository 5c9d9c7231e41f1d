package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Circuit records in the state table (layout in {@link HealthItems}).
 *
 * <p>Publishing is one {@code PutItem} conditioned on the stored {@code changed_at} being older (or
 * the item absent) and, for a record that is not itself a hold, on no stored {@code held_until} after
 * its {@code changed_at}: DynamoDB evaluates the condition and the write atomically, so racing writers
 * cannot make an older record win, and the loser's write is a quiet no-op. A snapshot is
 * {@code BatchGetItem} of one key per deployment: up to 100 deployments in one round trip.
 */
public final class DynamoDbHealthStore implements HealthStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbHealthStore.class);

    /** What every circuit item's partition key starts with (the template's metrics role may write only these and keys). */
    public static final String PARTITION_PREFIX = "health#";

    /** Long past any breaker's recovery; only there so forgotten deployments do not stay for ever. */
    static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchGets reads;

    public DynamoDbHealthStore(DynamoDbClient dynamo, String tablePrefix, Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.reads = new BatchGets(dynamo, table, sleeper, "circuit states");
    }

    @Override
    public boolean publish(CircuitRecord record) {
        long expiresAt = record.changedAt().plus(KEEP).getEpochSecond();
        Map<String, String> names = new HashMap<>(Map.of("#pk", SwitchboardTables.STATE.partitionKey(),
                "#changed", HealthItems.CHANGED_AT));
        boolean hold = record.heldUntil() != null;
        if (!hold) {
            names.put("#held", HealthItems.HELD_UNTIL);
        }
        // The rule of CircuitRecord.supersedes: newer, and a hold still running then yields only to another hold. An
        // item without changed_at (written by hand) compares as false and would never be replaced: any record is newer.
        // (DynamoDB refuses redundant parentheses, so the hold's form has none of its own.)
        String newer = hold ? "attribute_not_exists(#changed) OR #changed < :changed"
                : "(attribute_not_exists(#changed) OR #changed < :changed) AND (attribute_not_exists(#held) OR #held <= :changed)";
        try {
            dynamo.putItem(b -> b.tableName(table).item(HealthItems.item(record, expiresAt))
                    .conditionExpression("attribute_not_exists(#pk) OR (" + newer + ")")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":changed", HealthItems.changedAt(record.changedAt()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StateUnavailableException("publishing a circuit state to DynamoDB failed", e);
        }
    }

    @Override
    public Map<String, CircuitRecord> snapshot(Collection<String> deployments) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String deployment : new LinkedHashSet<>(deployments)) {
            keys.add(HealthItems.key(deployment));
        }
        Map<String, CircuitRecord> found = new HashMap<>();
        for (Map<String, AttributeValue> item : reads.fetch(keys)) {
            try {
                CircuitRecord record = HealthItems.record(item);
                found.put(record.deployment(), record);
            } catch (RuntimeException unreadable) {
                // An item written by hand or by another version, without the fields a record needs: read as no
                // shared verdict (the next record published replaces it) rather than failing every snapshot.
                AttributeValue pk = item.get(SwitchboardTables.STATE.partitionKey());
                LOG.warn("the circuit item {} cannot be read ({}): taken as no shared circuit state",
                        pk == null ? "without a key" : pk.s(), unreadable.getClass().getSimpleName());
            }
        }
        return Map.copyOf(found);
    }
}
