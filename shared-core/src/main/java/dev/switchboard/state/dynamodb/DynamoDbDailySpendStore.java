package dev.switchboard.state.dynamodb;

import dev.switchboard.state.DailySpendStore;
import dev.switchboard.state.StateUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Spend per principal and UTC day as one item in the state table, grown with an atomic {@code ADD}
 * (one round trip, no read-modify-write, so concurrent instances lose nothing). DynamoDB numbers
 * are exact decimals, so sums do not drift. Items expire by TTL some weeks after their day.
 */
public final class DynamoDbDailySpendStore implements DailySpendStore {

    static final String SPEND = "spend_usd";
    private static final long KEEP_DAYS = 40;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDailySpendStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
    }

    @Override
    public BigDecimal add(String principal, LocalDate day, BigDecimal usd) {
        long expiresAt = day.plusDays(KEEP_DAYS).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(table).key(key(principal, day))
                    .updateExpression("ADD #spend :usd SET #ttl = :ttl")
                    .expressionAttributeNames(Map.of("#spend", SPEND, "#ttl", SwitchboardTables.STATE.ttlAttribute()))
                    .expressionAttributeValues(Map.of(
                            ":usd", AttributeValue.fromN(usd.toPlainString()),
                            ":ttl", AttributeValue.fromN(Long.toString(expiresAt))))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return new BigDecimal(updated.get(SPEND).n());
        } catch (SdkException e) {
            throw new StateUnavailableException("recording spend in DynamoDB failed", e);
        }
    }

    @Override
    public BigDecimal spentOn(String principal, LocalDate day) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(principal, day))
                    .projectionExpression("#spend").expressionAttributeNames(Map.of("#spend", SPEND))).item();
            return item == null || !item.containsKey(SPEND) ? BigDecimal.ZERO : new BigDecimal(item.get(SPEND).n());
        } catch (SdkException e) {
            throw new StateUnavailableException("reading spend from DynamoDB failed", e);
        }
    }

    private static Map<String, AttributeValue> key(String principal, LocalDate day) {
        return Map.of(
                SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS("spend#" + principal),
                SwitchboardTables.STATE.sortKey(), AttributeValue.fromS("day#" + day));
    }
}
