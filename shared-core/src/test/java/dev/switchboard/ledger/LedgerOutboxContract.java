package dev.switchboard.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger outbox does: keeps parked rows whole, gives them back oldest first, forgets them on removal. */
public abstract class LedgerOutboxContract {

    /** Ten years ahead, so that DynamoDB Local's TTL sweeper (real time) never takes a parked row. */
    protected static final Instant AT = Instant.parse("2036-11-22T12:00:00Z");

    protected abstract LedgerOutbox outbox();

    /** An economy row carries an observed failure and prompt-cache tokens, so that those columns are kept too. */
    private static LedgerEntry row(String id, Instant at, String tier) {
        boolean lesson = "economy".equals(tier);
        return new LedgerEntry(id, at, "alice", "complete", "hybrid", "high", "code", 0.42, "openai", "gpt-4o-mini",
                12, 345, new BigDecimal("0.000123456789"), new BigDecimal("0.0034"), true, 812, false, true, 2,
                LedgerEntry.OK, null, tier, "gemini/gemini-1.5-flash", tier == null ? null : "1.0,2.5",
                lesson ? FeedbackEntry.WEAK_FAILED : null, lesson ? "the economy model's answer was empty" : null,
                lesson ? Boolean.TRUE : null, lesson ? 10 : 0, lesson ? 2 : 0, lesson ? 240L : null);
    }

    @Test
    void keepsEveryColumnAndGivesRowsBackOldestFirst() {
        LedgerOutbox outbox = outbox();
        LedgerEntry later = row("b", AT.plusSeconds(5), "economy");
        LedgerEntry earlier = row("a", AT, null);
        outbox.park(later);
        outbox.park(earlier);

        assertEquals(List.of(earlier, later), outbox.oldest(10));
        assertEquals(List.of(earlier), outbox.oldest(1));
    }

    @Test
    void givesThePageAfterARowSoThatReadersCanGetPastRowsTheyCannotWrite() {
        LedgerOutbox outbox = outbox();
        LedgerEntry first = row("a", AT, null);
        LedgerEntry second = row("b", AT.plusSeconds(1), null);
        LedgerEntry third = row("c", AT.plusSeconds(2), null);
        outbox.park(third);
        outbox.park(first);
        outbox.park(second);

        assertEquals(List.of(second, third), outbox.after(first, 10));
        assertEquals(List.of(second), outbox.after(first, 1));
        assertTrue(outbox.after(third, 10).isEmpty());
    }

    @Test
    void forgetsARemovedRow() {
        LedgerOutbox outbox = outbox();
        LedgerEntry row = row("c", AT, "premium");
        outbox.park(row);

        outbox.remove(row);

        assertTrue(outbox.oldest(10).isEmpty());
    }
}
