package dev.switchboard.service;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.state.memory.InMemoryLedgerOutbox;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row the ledger refuses waits in the outbox and reaches the ledger once it takes rows again. */
class LedgerWriterTest {

    private final MutableClock clock = new MutableClock();
    private final ListLedger ledger = new ListLedger();
    private final InMemoryLedgerOutbox outbox = new InMemoryLedgerOutbox();
    private final LedgerWriter writer = new LedgerWriter(ledger, outbox, clock);

    @Test
    void aRowRefusedByTheLedgerIsParkedAndWrittenWhenTheLedgerIsBack() {
        LedgerEntry lost = LedgerEntries.ok(clock.instant()).build();
        ledger.down = true;

        assertFalse(writer.record(lost));
        assertEquals(List.of(lost), outbox.oldest(10));

        ledger.down = false;
        LedgerEntry next = LedgerEntries.ok(clock.instant().plusSeconds(1)).build();
        assertTrue(writer.record(next));

        assertEquals(List.of(next.id(), lost.id()), ledger.rows.stream().map(LedgerEntry::id).toList());
        assertTrue(outbox.oldest(10).isEmpty());
    }

    @Test
    void aParkedRowTheLedgerRefusesWhileUpStaysParkedAndHoldsBackNoOther() {
        LedgerEntry refused = LedgerEntries.ok(clock.instant()).build();
        LedgerEntry waiting = LedgerEntries.ok(clock.instant().plusSeconds(1)).build();
        ledger.down = true;
        writer.record(refused);
        writer.record(waiting);
        ledger.down = false;
        ledger.refused.add(refused.id());
        clock.advance(LedgerWriter.DRAIN_EVERY);

        try (LogLines logs = new LogLines()) {
            LedgerEntry next = LedgerEntries.ok(clock.instant()).build();
            assertTrue(writer.record(next));

            assertEquals(List.of(next.id(), waiting.id()), ledger.rows.stream().map(LedgerEntry::id).toList(),
                    "the row parked after the refused one went in");
            assertEquals(List.of(refused), outbox.oldest(10), "the refused row stays parked, not lost");
            assertTrue(logs.at("ERROR").stream().anyMatch(l -> l.contains(refused.id())), logs.lines().toString());
        }
    }

    @Test
    void aFullPageOfRefusedRowsHoldsBackNoneOfTheRowsAfterIt() {
        ledger.down = true;
        List<LedgerEntry> refused = new ArrayList<>();
        for (int i = 0; i < LedgerWriter.DRAIN_BATCH + 5; i++) {
            LedgerEntry row = LedgerEntries.ok(clock.instant().plusMillis(i)).build();
            refused.add(row);
            writer.record(row);
        }
        LedgerEntry waiting = LedgerEntries.ok(clock.instant().plusSeconds(1)).build();
        writer.record(waiting);
        ledger.down = false;
        refused.forEach(row -> ledger.refused.add(row.id()));
        clock.advance(LedgerWriter.DRAIN_EVERY);

        LedgerEntry next = LedgerEntries.ok(clock.instant()).build();
        assertTrue(writer.record(next));

        assertEquals(List.of(next.id(), waiting.id()), ledger.rows.stream().map(LedgerEntry::id).toList(),
                "the row parked after 30 refused ones went in");
        assertEquals(refused.size(), outbox.oldest(100).size(), "the refused rows stay parked");
    }

    @Test
    void moreRefusedRowsThanATurnReadsHoldBackTheRowsAfterThemOnlyUntilTheNextTurn() {
        ledger.down = true;
        int refusedRows = LedgerWriter.DRAIN_BATCH * LedgerWriter.DRAIN_PAGES + 10;
        for (int i = 0; i < refusedRows; i++) {
            LedgerEntry row = LedgerEntries.ok(clock.instant().plusMillis(i)).build();
            writer.record(row);
            ledger.refused.add(row.id());
        }
        LedgerEntry waiting = LedgerEntries.ok(clock.instant().plusSeconds(1)).build();
        writer.record(waiting);
        ledger.down = false;

        clock.advance(LedgerWriter.DRAIN_EVERY);
        writer.record(LedgerEntries.ok(clock.instant()).build());
        assertFalse(ledger.rows.stream().anyMatch(r -> r.id().equals(waiting.id())), "beyond the first turn's pages");
        clock.advance(LedgerWriter.DRAIN_EVERY);
        writer.record(LedgerEntries.ok(clock.instant()).build());

        assertTrue(ledger.rows.stream().anyMatch(r -> r.id().equals(waiting.id())), "the next turn went on after them");
        assertEquals(refusedRows, outbox.oldest(1_000).size(), "the refused rows stay parked");
    }

    @Test
    void aRowThatCannotBeLookedUpAloneHoldsBackNoneAfterItWhileTwoInARowMeanTheLedgerIsDown() {
        LedgerEntry odd = LedgerEntries.ok(clock.instant()).build();
        LedgerEntry waiting = LedgerEntries.ok(clock.instant().plusSeconds(1)).build();
        ledger.down = true;
        writer.record(odd);
        writer.record(waiting);
        ledger.down = false;
        ledger.refused.add(odd.id());
        ledger.unreadable.add(odd.id());
        clock.advance(LedgerWriter.DRAIN_EVERY);

        try (LogLines logs = new LogLines()) {
            assertTrue(writer.record(LedgerEntries.ok(clock.instant()).build()));

            assertTrue(ledger.rows.stream().anyMatch(r -> r.id().equals(waiting.id())), "the row after it went in");
            assertEquals(List.of(odd), outbox.oldest(10));
            assertTrue(logs.at("ERROR").stream().anyMatch(l -> l.contains(odd.id())), logs.lines().toString());
        }
    }

    @Test
    void aTurnThatWroteNothingDoesNotDrainAgainOnTheNextWrite() {
        ledger.down = true;
        for (int i = 0; i < LedgerWriter.DRAIN_BATCH * LedgerWriter.DRAIN_PAGES; i++) {
            LedgerEntry row = LedgerEntries.ok(clock.instant().plusMillis(i)).build();
            writer.record(row);
            ledger.refused.add(row.id());
        }
        ledger.down = false;
        clock.advance(LedgerWriter.DRAIN_EVERY);
        writer.record(LedgerEntries.ok(clock.instant()).build());
        int attempts = ledger.appendAttempts;

        writer.record(LedgerEntries.ok(clock.instant()).build());

        assertEquals(attempts + 1, ledger.appendAttempts, "only the new row: the refused ones wait a minute");
    }

    @Test
    void theOutboxIsReadAtMostOnceAMinuteWhileTheLedgerTakesRows() {
        int[] reads = {0};
        LedgerOutbox counting = new LedgerOutbox() {
            @Override
            public void park(LedgerEntry entry) {
                outbox.park(entry);
            }

            @Override
            public List<LedgerEntry> oldest(int max) {
                reads[0]++;
                return outbox.oldest(max);
            }

            @Override
            public List<LedgerEntry> after(LedgerEntry last, int max) {
                reads[0]++;
                return outbox.after(last, max);
            }

            @Override
            public void remove(LedgerEntry entry) {
                outbox.remove(entry);
            }
        };
        LedgerWriter counted = new LedgerWriter(ledger, counting, clock);

        for (int i = 0; i < 5; i++) {
            counted.record(LedgerEntries.ok(clock.instant()).build());
        }
        clock.advance(LedgerWriter.DRAIN_EVERY);
        counted.record(LedgerEntries.ok(clock.instant()).build());

        assertEquals(2, reads[0], "once at the first write, once a minute later");
    }

    @Test
    void whenTheOutboxFailsTooTheRequestStillEndsAndTheRowIsReportedLost() {
        LedgerOutbox broken = new LedgerOutbox() {
            @Override
            public void park(LedgerEntry entry) {
                throw new IllegalStateException("outbox down");
            }

            @Override
            public List<LedgerEntry> oldest(int max) {
                return List.of();
            }

            @Override
            public List<LedgerEntry> after(LedgerEntry last, int max) {
                return List.of();
            }

            @Override
            public void remove(LedgerEntry entry) {
            }
        };
        ledger.down = true;
        LedgerEntry row = LedgerEntries.ok(clock.instant()).build();

        try (LogLines logs = new LogLines()) {
            assertFalse(new LedgerWriter(ledger, broken, clock).record(row));

            assertTrue(logs.at("ERROR").stream().anyMatch(l -> l.contains("LOST") && l.contains(row.id())),
                    "the lost row's id is logged so that it can be restored: " + logs.lines());
        }
    }
}
