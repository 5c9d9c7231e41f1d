package dev.switchboard.state.dynamodb;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.ledger.LedgerOutboxContract;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DynamoDbLedgerOutboxTest extends LedgerOutboxContract {

    private final DynamoDbCalls calls = new DynamoDbCalls();
    private final DynamoDbClient dynamo = DynamoDbCalls.countedClient(calls);
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Override
    protected LedgerOutbox outbox() {
        String prefix = "outbox-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
        new TableProvisioner(dynamo).createMissing(prefix);
        clock.advance(java.time.Duration.between(clock.instant(), AT));
        return new DynamoDbLedgerOutbox(dynamo, prefix, clock);
    }

    @Test
    void eachOperationIsOneRoundTrip() {
        LedgerOutbox outbox = outbox();
        LedgerEntry row = new LedgerEntry("r", AT, "bob", "complete", "complexity", "medium", "general", 0.1, null,
                null, 3, 0, BigDecimal.ZERO, BigDecimal.ZERO, true, 5, false, false, 1, LedgerEntry.ERROR,
                "no_provider_available");
        calls.reset();

        outbox.park(row);
        List<LedgerEntry> parked = outbox.oldest(25);
        outbox.remove(row);

        assertEquals(List.of(row), parked);
        assertEquals(List.of("PutItem", "Query", "DeleteItem"), calls.operations());
    }

    @Test
    void aRowPastItsExpiryIsNeverHandedBackThoughDynamoDbHasNotDeletedItAndTheRowsBehindItStillAre() {
        LedgerOutbox outbox = outbox();
        List<LedgerEntry> old = List.of(row("old-1"), row("old-2"), row("old-3"));
        old.forEach(outbox::park);
        clock.advance(DynamoDbLedgerOutbox.KEPT_FOR.plusDays(1));
        LedgerEntry live = row("zz-live");
        outbox.park(live);
        calls.reset();

        // DynamoDB keeps an expired item for days (here, its expiry is past on the outbox's clock only).
        assertEquals(List.of(live), outbox.oldest(2), "the expired rows are read past, two at a time");
        // Two expired (deleted as read), then one expired and the live row; a full page says more may follow.
        assertEquals(List.of("Query", "DeleteItem", "DeleteItem", "Query", "DeleteItem", "Query"), calls.operations());
        calls.reset();
        assertEquals(List.of(live), outbox.oldest(2), "the next drain reads the live row at once");
        assertEquals(List.of("Query"), calls.operations());
    }

    @Test
    void oneReadPastManyExpiredRowsStopsAfterItsQueriesAndTheNextGoesOnWhereItLeft() {
        LedgerOutbox outbox = outbox();
        for (int i = 0; i < 30; i++) {
            outbox.park(row(String.format("old-%02d", i)));
        }
        clock.advance(DynamoDbLedgerOutbox.KEPT_FOR.plusDays(1));
        LedgerEntry live = row("zz-live");
        outbox.park(live);
        calls.reset();

        assertEquals(List.of(), outbox.oldest(2), "ten queries of two expired rows each, then it stops");
        assertEquals(DynamoDbLedgerOutbox.MAX_QUERIES, calls.operations().stream().filter("Query"::equals).count());
        assertEquals(List.of(live), outbox.oldest(2), "the rows it deleted are not read again");
    }

    static LedgerEntry row(String id) {
        return new LedgerEntry(id, AT, "bob", "complete", "complexity", "medium", "general", 0.1, null, null, 3, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, true, 5, false, false, 1, LedgerEntry.ERROR, "no_provider_available");
    }

    @Test
    void aRowParkedBeforePromptCacheTokensWereKeptReadsWithNone() {
        LedgerEntry row = new LedgerEntry("r", AT, "bob", "complete", "complexity", "medium", "general", 0.1,
                "openai", "gpt-4o-mini", 30, 5, BigDecimal.ONE, BigDecimal.TEN, true, 5, false, false, 1,
                LedgerEntry.OK, null, "economy", "openai/gpt-4o-mini", null, null, null, true, 20, 4);
        Map<String, AttributeValue> item = new HashMap<>(LedgerOutboxItems.item(row, 0));
        assertEquals(row, LedgerOutboxItems.entry(item));

        item.remove("cached_tokens_in");
        item.remove("cache_write_tokens_in");
        LedgerEntry older = LedgerOutboxItems.entry(item);

        assertEquals(0, older.cachedTokensIn());
        assertEquals(0, older.cacheWriteTokensIn());
        assertEquals(30, older.tokensIn());
    }
}
