package dev.switchboard.service;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.state.UnsettledSettlement;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A settlement that cannot be written answers the caller anyway, and is written by a repeat afterwards. */
class SettlementRepeatInTheRequestPathTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 1000, false, null);

    @Test
    void theReservationHeldByAFailedSettlementBecomesTheRealCostOnceItIsRepeated() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        FirstSettlementLost state = new FirstSettlementLost(fixture.state);
        fixture.state = state;

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        BigDecimal held = spent(fixture);
        assertTrue(held.compareTo(BigDecimal.valueOf(response.cost())) > 0, "held at the estimate: " + held);
        assertEquals(1, fixture.delays.queued(), "nothing repeated on the request's thread");

        assertTrue(fixture.delays.runNext());

        assertEquals(0, BigDecimal.valueOf(response.cost()).compareTo(spent(fixture)));
        assertFalse(fixture.delays.runNext(), "written: nothing more to repeat");
    }

    private static BigDecimal spent(CoreFixture fixture) {
        return fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);
    }

    /** Shared state whose first settlement fails; its repeat writes it. */
    private static final class FirstSettlementLost implements RequestState {
        private final RequestState real;
        private boolean lost;

        FirstSettlementLost(RequestState real) {
            this.real = real;
        }

        @Override
        public StateLookup lookup(String principal, Instant at, CacheKey cacheKey) {
            return real.lookup(principal, at, cacheKey);
        }

        @Override
        public Admission reserve(AdmissionRequest request) {
            return real.reserve(request);
        }

        @Override
        public void settle(Settlement settlement) {
            if (lost) {
                real.settle(settlement);
                return;
            }
            lost = true;
            throw StateUnavailableException.ofSettlement("simulated: answer lost", null, new UnsettledSettlement() {
                @Override
                public Instant firstSentAt() {
                    return settlement.endedAt();
                }

                @Override
                public String subject() {
                    return settlement.deployment();
                }

                @Override
                public void repeat() {
                    real.settle(settlement);
                }
            });
        }

        @Override
        public void releaseUncertain(UncertainReservation uncertain) {
            real.releaseUncertain(uncertain);
        }
    }
}
