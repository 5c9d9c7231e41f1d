package dev.switchboard.service;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UnsettledSettlement;
import dev.switchboard.testsupport.ManualDelays;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SettlementRepeatsTest {

    private final MutableClock clock = new MutableClock();
    private final ManualDelays delays = new ManualDelays();
    private final SettlementRepeats repeats = new SettlementRepeats(clock, delays);

    @Test
    void aSettlementIsRepeatedAfterAPauseAndOnceWrittenNoMore() {
        FailingTimes settlement = new FailingTimes(0, true);

        repeats.repeatLater(settlement);
        assertEquals(0, settlement.repeats, "nothing is repeated on the request's thread");
        runAll();

        assertEquals(1, settlement.repeats);
        assertEquals(List.of(Duration.ofSeconds(1)), delays.asked());
        assertEquals(0, repeats.waiting());
    }

    @Test
    void aFailedRepeatIsTriedAgainAfterLongerPausesUntilItIsWritten() {
        FailingTimes settlement = new FailingTimes(2, true);

        repeats.repeatLater(settlement);
        runAll();

        assertEquals(3, settlement.repeats);
        assertEquals(SettlementRepeats.PAUSES.subList(0, 3), delays.asked());
    }

    @Test
    void repeatsStopWhenThePausesRunOut() {
        FailingTimes settlement = new FailingTimes(Integer.MAX_VALUE, true);

        repeats.repeatLater(settlement);
        runAll();

        assertEquals(SettlementRepeats.PAUSES.size(), settlement.repeats);
        assertEquals(SettlementRepeats.PAUSES, delays.asked());
    }

    @Test
    void aFailureThatLeavesNothingToRepeatEndsTheRepeats() {
        FailingTimes settlement = new FailingTimes(Integer.MAX_VALUE, false);

        repeats.repeatLater(settlement);
        runAll();

        assertEquals(1, settlement.repeats);
    }

    @Test
    void aSettlementTooOldForItsTokenIsNotRepeated() {
        FailingTimes settlement = new FailingTimes(0, true);

        repeats.repeatLater(settlement);
        // The instance was frozen (as on Lambda) for longer than the store remembers the token.
        clock.advance(UnsettledSettlement.REPEATABLE_FOR.plusSeconds(1));
        runAll();

        assertEquals(0, settlement.repeats, "a repeat might apply it twice");
    }

    @Test
    void onlySoManyWaitAtOnce() {
        for (int i = 0; i < SettlementRepeats.MAX_WAITING + 5; i++) {
            repeats.repeatLater(new FailingTimes(0, true));
        }

        assertEquals(SettlementRepeats.MAX_WAITING, delays.queued());
        runAll();
        assertEquals(0, repeats.waiting());
        repeats.repeatLater(new FailingTimes(0, true));
        assertEquals(1, delays.queued(), "room again once they ran");
    }

    private void runAll() {
        int ran = 0;
        while (delays.runNext()) {
            assertFalse(++ran > 10 * SettlementRepeats.MAX_WAITING, "repeats must end");
        }
    }

    /** A settlement whose repeats fail {@code failures} times, each failure leaving it still to repeat or not. */
    private final class FailingTimes implements UnsettledSettlement {
        private final Instant sentAt = clock.instant();
        private final int failures;
        private final boolean stillUnsettled;
        int repeats;

        FailingTimes(int failures, boolean stillUnsettled) {
            this.failures = failures;
            this.stillUnsettled = stillUnsettled;
        }

        @Override
        public Instant firstSentAt() {
            return sentAt;
        }

        @Override
        public String subject() {
            return "openai/gpt-4o";
        }

        @Override
        public void repeat() {
            repeats++;
            if (repeats <= failures) {
                throw stillUnsettled ? StateUnavailableException.ofSettlement("down", null, this)
                        : new StateUnavailableException("down", null);
            }
        }
    }
}
