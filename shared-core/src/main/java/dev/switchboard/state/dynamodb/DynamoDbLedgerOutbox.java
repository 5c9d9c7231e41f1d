package dev.switchboard.state.dynamodb;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.state.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parked ledger rows in the state table (layout in {@link LedgerOutboxItems}): a park is one PutItem,
 * a read of the oldest one strongly consistent Query, a removal one DeleteItem. A row past its expiry is never
 * handed back: DynamoDB deletes expired items within days, not at once, and reads them until then, and a row this
 * old would reach the ledger after the analytics (or a retention's purge) had long passed its day. An expired row
 * read is deleted then (so the next drain does not read it again), and a page of them is read past, one more Query
 * each and {@value #MAX_QUERIES} at most per call, so that the live rows behind them still come back.
 */
public final class DynamoDbLedgerOutbox implements LedgerOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLedgerOutbox.class);

    /**
     * Long enough to outlast any ledger outage worth the name. A row that expires unwritten was logged
     * when it was parked, and at ERROR each time the ledger refused it.
     */
    static final Duration KEPT_FOR = Duration.ofDays(30);
    /** Queries one read makes at most while it finds only expired rows. */
    static final int MAX_QUERIES = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbLedgerOutbox(DynamoDbClient dynamo, String tablePrefix, Clock clock) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.clock = clock;
    }

    @Override
    public void park(LedgerEntry entry) {
        long expiresAt = clock.instant().plus(KEPT_FOR).getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table).item(LedgerOutboxItems.item(entry, expiresAt)));
        } catch (SdkException e) {
            throw new StateUnavailableException("parking a ledger row in DynamoDB failed", e);
        }
    }

    @Override
    public List<LedgerEntry> oldest(int max) {
        return page(null, max);
    }

    @Override
    public List<LedgerEntry> after(LedgerEntry last, int max) {
        return page(LedgerOutboxItems.key(last), max);
    }

    private List<LedgerEntry> page(Map<String, AttributeValue> startAfter, int max) {
        long now = clock.instant().getEpochSecond();
        List<LedgerEntry> live = new ArrayList<>();
        Map<String, AttributeValue> from = startAfter;
        int queries = 0;
        try {
            do {
                queries++;
                Map<String, AttributeValue> start = from;
                int wanted = max - live.size();
                QueryResponse read = dynamo.query(b -> b.tableName(table).consistentRead(true).limit(wanted)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", SwitchboardTables.STATE.partitionKey()))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(LedgerOutboxItems.PARTITION)))
                        .exclusiveStartKey(start));
                for (Map<String, AttributeValue> item : read.items()) {
                    if (LedgerOutboxItems.expired(item, now)) {
                        deleteExpired(item);
                    } else {
                        live.add(LedgerOutboxItems.entry(item));
                    }
                }
                from = read.hasLastEvaluatedKey() && !read.lastEvaluatedKey().isEmpty() ? read.lastEvaluatedKey() : null;
            } while (live.size() < max && from != null && queries < MAX_QUERIES);
            return live;
        } catch (SdkException e) {
            throw new StateUnavailableException("reading parked ledger rows from DynamoDB failed", e);
        }
    }

    /** Deletes a row read past its expiry; a failure leaves it to TTL (it is read past again until then). */
    private void deleteExpired(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = Map.of(SwitchboardTables.STATE.partitionKey(),
                item.get(SwitchboardTables.STATE.partitionKey()), SwitchboardTables.STATE.sortKey(),
                item.get(SwitchboardTables.STATE.sortKey()));
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key));
        } catch (SdkException e) {
            LOG.warn("an expired parked ledger row could not be deleted ({}); DynamoDB's TTL will",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void remove(LedgerEntry entry) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(LedgerOutboxItems.key(entry)));
        } catch (SdkException e) {
            throw new StateUnavailableException("removing a parked ledger row from DynamoDB failed", e);
        }
    }
}
