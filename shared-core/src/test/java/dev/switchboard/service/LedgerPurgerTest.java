package dev.switchboard.service;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerPurgerTest {

    private final MutableClock clock = new MutableClock();

    /** A ledger that answers each batch with {@code answers} in turn and notes each cutoff it was given. */
    private static final class BatchLedger extends ListLedger {
        final List<Instant> cutoffs = new ArrayList<>();
        private final int[] answers;

        BatchLedger(int... answers) {
            this.answers = answers;
        }

        int days;

        @Override
        public boolean purgeOldestDayBefore(Instant cutoff) {
            days++;
            return true;
        }

        @Override
        public int purgeBefore(Instant cutoff, int maxRows) {
            assertEquals(LedgerPurger.BATCH, maxRows);
            cutoffs.add(cutoff);
            int answer = answers[Math.min(cutoffs.size(), answers.length) - 1];
            if (answer < 0) {
                throw new IllegalStateException("ledger database unreachable");
            }
            return answer;
        }
    }

    @Test
    void deletesTheRowsPastTheRetentionWithTheirFeedbackAndKeepsTheRest() {
        ListLedger ledger = new ListLedger();
        LedgerEntry old = LedgerEntries.ok(clock.instant().minus(Duration.ofDays(40))).build();
        LedgerEntry ratedLately = LedgerEntries.ok(clock.instant().minus(Duration.ofDays(40))).build();
        LedgerEntry recent = LedgerEntries.ok(clock.instant().minus(Duration.ofDays(30))).build();
        List.of(old, ratedLately, recent).forEach(ledger::append);
        ledger.appendFeedback(new FeedbackEntry("f1", old.id(), clock.instant().minus(Duration.ofDays(35)),
                "anonymous", 5, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("f2", ratedLately.id(), clock.instant().minus(Duration.ofDays(2)),
                "anonymous", 2, null, null, null));

        int deleted = new LedgerPurger(ledger, new LedgerRetention(31, clock), clock).purge(null);

        assertEquals(1, deleted);
        assertEquals(List.of(ratedLately, recent), ledger.rows,
                "a request rated within the retention stays: the quality figures read its feedback");
        assertEquals(List.of("f2"), ledger.feedback.stream().map(FeedbackEntry::id).toList(),
                "the deleted row's feedback went with it");
    }

    @Test
    void deletesRolledUpDaysAfterTheRowsUpToTheRunsLimit() {
        BatchLedger ledger = new BatchLedger(0);

        new LedgerPurger(ledger, new LedgerRetention(31, clock), clock).purge(null);

        assertEquals(LedgerPurger.MAX_DAYS, ledger.days, "a ledger with days left gives one a call");
    }

    @Test
    void aLedgerThatKeepsEverythingIsNotAsked() {
        BatchLedger ledger = new BatchLedger(1);

        assertEquals(0, new LedgerPurger(ledger, LedgerRetention.everything(clock), clock).purge(null));
        assertTrue(ledger.cutoffs.isEmpty());
    }

    @Test
    void goesOnWhileBatchesComeBackFullUpToTheRunsLimit() {
        BatchLedger draining = new BatchLedger(LedgerPurger.BATCH, LedgerPurger.BATCH, 7);
        BatchLedger endless = new BatchLedger(LedgerPurger.BATCH);

        assertEquals(2 * LedgerPurger.BATCH + 7,
                new LedgerPurger(draining, new LedgerRetention(31, clock), clock).purge(null));
        assertEquals(LedgerPurger.MAX_BATCHES * LedgerPurger.BATCH,
                new LedgerPurger(endless, new LedgerRetention(31, clock), clock).purge(null));
        assertEquals(LedgerPurger.MAX_BATCHES, endless.cutoffs.size());
        assertEquals(clock.instant().minus(Duration.ofDays(31)), endless.cutoffs.get(0));
    }

    @Test
    void stopsWhenTheRunsTimeIsUpAndNeverThrows() {
        BatchLedger ledger = new BatchLedger(LedgerPurger.BATCH, -1);
        LedgerPurger purger = new LedgerPurger(ledger, new LedgerRetention(31, clock), clock);

        assertEquals(0, purger.purge(clock.instant().plus(LedgerPurger.BATCH_TIME)), "too little time left: no batch");
        assertTrue(ledger.cutoffs.isEmpty());
        assertEquals(0, ledger.days);
        assertEquals(LedgerPurger.BATCH, purger.purge(null), "the second batch failed; what went is counted");
        assertEquals(2, ledger.cutoffs.size());
    }
}
