package dev.switchboard.state.dynamodb;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.service.Caller;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.RateLimits;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StatePartitions#REQUEST_PATH}, which the SAM template holds the complete function's writes to, is
 * exactly what the request path's adapters write on DynamoDB Local: a request with a key's limits and budget
 * that falls back once (windows, budgets, latency), a circuit published, a ledger row parked and drained.
 */
class RequestPathPartitionsTest {

    private static final Pattern KEY_CONDITION = Pattern.compile("#pk = (:\\w+)");

    private final WrittenPartitions written = new WrittenPartitions();
    private final DynamoDbClient dynamo = InterceptedDynamoDb.client(written);
    private final String prefix = "request-path-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void theRequestPathWritesExactlyThePartitionsTheTemplateGrantsIt() {
        new TableProvisioner(dynamo).createMissing(prefix);
        written.table = SwitchboardTables.STATE.physicalName(prefix);
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 0, 0);
        fixture.clock.advance(AdmissionStoreContract.TEN_YEARS);
        fixture.cacheSettings = CacheSettings.defaults();
        fixture.state = new DynamoDbRequestState(dynamo, prefix, TestAdmissionStores.on(dynamo, prefix, fixture.clock),
                new DynamoDbLatencyStore(dynamo, prefix, LatencySettings.defaults(), fixture.clock, Sleeper.REAL),
                CacheSettings.defaults(), fixture.clock, Sleeper.REAL);
        Caller limited = new Caller("carol", "vk_carol", new BudgetCaps(new BigDecimal("5"), new BigDecimal("50")),
                new RateLimits(100L, 100_000L), false);

        assertTrue(fixture.completions().complete(new CompleteRequest("hi", 500, false, null), limited)
                .routingMetadata().fallbackUsed());
        new DynamoDbHealthStore(dynamo, prefix, Sleeper.REAL).publish(new CircuitRecord("gemini/gemini-1.5-flash",
                CircuitState.OPEN, fixture.clock.instant(), CircuitRecord.INSTANCE, "test", null));
        DynamoDbLedgerOutbox outbox = new DynamoDbLedgerOutbox(dynamo, prefix, fixture.clock);
        LedgerEntry parked = DynamoDbLedgerOutboxTest.row("parked");
        outbox.park(parked);
        assertEquals(1, outbox.oldest(10).size());
        outbox.remove(parked);

        Set<String> unmatched = new TreeSet<>(written.partitions);
        unmatched.removeIf(pk -> StatePartitions.REQUEST_PATH.stream().anyMatch(p -> StatePartitions.matches(p, pk)));
        assertEquals(Set.of(), unmatched, "written outside the list, so refused on AWS");
        Set<String> unused = new TreeSet<>(StatePartitions.REQUEST_PATH);
        unused.removeIf(p -> written.partitions.stream().anyMatch(pk -> StatePartitions.matches(p, pk)));
        assertEquals(Set.of(), unused, "granted but never written: " + written.partitions);
    }

    /** The partition keys of the state table's items that calls write, delete or query. */
    private static final class WrittenPartitions implements ExecutionInterceptor {

        volatile String table;
        final Set<String> partitions = new ConcurrentSkipListSet<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof PutItemRequest put) {
                add(put.tableName(), put.item());
            } else if (request instanceof UpdateItemRequest update) {
                add(update.tableName(), update.key());
            } else if (request instanceof DeleteItemRequest delete) {
                add(delete.tableName(), delete.key());
            } else if (request instanceof TransactWriteItemsRequest transaction) {
                transaction.transactItems().forEach(this::add);
            } else if (request instanceof QueryRequest query) {
                Matcher placeholder = KEY_CONDITION.matcher(query.keyConditionExpression());
                assertTrue(placeholder.find(), query.keyConditionExpression());
                add(query.tableName(), Map.of(SwitchboardTables.STATE.partitionKey(),
                        query.expressionAttributeValues().get(placeholder.group(1))));
            } else {
                assertTrue(request.getClass().getSimpleName().matches("(BatchGetItem|GetItem|CreateTable|DescribeTable"
                        + "|UpdateTimeToLive|DescribeTimeToLive|ListTables)Request"), "a call not recorded: " + request);
            }
        }

        private void add(TransactWriteItem item) {
            if (item.put() != null) {
                add(item.put().tableName(), item.put().item());
            } else if (item.update() != null) {
                add(item.update().tableName(), item.update().key());
            } else if (item.delete() != null) {
                add(item.delete().tableName(), item.delete().key());
            } else {
                add(item.conditionCheck().tableName(), item.conditionCheck().key());
            }
        }

        private void add(String tableName, Map<String, AttributeValue> key) {
            if (tableName.equals(table)) {
                partitions.add(key.get(SwitchboardTables.STATE.partitionKey()).s());
            }
        }
    }
}
