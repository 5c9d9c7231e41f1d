package dev.switchboard.service;

import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LedgerRollupsTest {

    private final MutableClock clock = new MutableClock();

    /** A ledger with {@code due} days to roll, each taking {@code each}; -1 due: its database is unreachable. */
    private final class DueLedger extends ListLedger {
        final List<Instant> since = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();
        private int due;
        private final Duration each;

        DueLedger(int due, Duration each) {
            this.due = due;
            this.each = each;
        }

        @Override
        public boolean rollUpNewestDueDay(Instant from, Duration timeout) {
            if (due < 0) {
                throw new IllegalStateException("ledger database unreachable");
            }
            since.add(from);
            timeouts.add(timeout);
            clock.advance(each);
            return due-- > 0;
        }
    }

    @Test
    void rollsEveryDueDayAsFarBackAsTheAnalyticsReadWithTheLongerTimeout() {
        DueLedger ledger = new DueLedger(3, Duration.ofSeconds(1));
        LedgerRetention kept = new LedgerRetention(90, clock);
        Instant keptFrom = kept.since(MetricsService.MAX_DAYS);

        assertEquals(3, new LedgerRollups(ledger, kept, clock).rollBehind(null));

        assertEquals(4, ledger.since.size(), "three days, then the answer that none is due");
        assertEquals(keptFrom, ledger.since.get(0), "no further back than the ledger keeps rows");
        assertEquals(List.of(LedgerRollups.DAY_TIME), ledger.timeouts.stream().distinct().toList());
    }

    @Test
    void aRunRollsAtMostItsShareOfDays() {
        DueLedger ledger = new DueLedger(100, Duration.ZERO);

        assertEquals(LedgerRollups.MAX_DAYS, new LedgerRollups(ledger, LedgerRetention.everything(clock), clock)
                .rollBehind(null));
    }

    @Test
    void aDayStartsOnlyWithTimeForItsDeleteAndItsInsertBeforeTheRunMustFinish() {
        DueLedger ledger = new DueLedger(100, Duration.ofSeconds(20));
        Instant finishBy = clock.instant().plus(LedgerRollups.DAY_TIME.multipliedBy(2)).plus(Duration.ofSeconds(30));

        int rolled = new LedgerRollups(ledger, LedgerRetention.everything(clock), clock).rollBehind(finishBy);

        assertEquals(2, rolled, "at 0 s and 20 s; at 40 s less than twice the day's time is left");
    }

    @Test
    void aLedgerThatCannotBeReachedIsLoggedNotThrown() {
        assertEquals(0, new LedgerRollups(new DueLedger(-1, Duration.ZERO), LedgerRetention.everything(clock), clock)
                .rollBehind(null));
    }
}
