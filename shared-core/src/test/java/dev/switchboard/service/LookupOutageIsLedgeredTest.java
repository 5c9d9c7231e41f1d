package dev.switchboard.service;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A request the outage policy refuses at its first state read (DynamoDB down, budgets failing closed)
 * is still a ledger row, and so a failed request in the metrics, on every path that reads state first.
 */
class LookupOutageIsLedgeredTest {

    /** Request state whose every call fails, as with DynamoDB unreachable. */
    private static final class Unreachable implements RequestState {
        @Override
        public StateLookup lookup(String principal, Instant at, CacheKey cacheKey) {
            throw new StateUnavailableException("DynamoDB unreachable", null);
        }

        @Override
        public Admission reserve(AdmissionRequest request) {
            throw new StateUnavailableException("DynamoDB unreachable", null);
        }

        @Override
        public void settle(Settlement settlement) {
            throw new StateUnavailableException("DynamoDB unreachable", null);
        }

        @Override
        public void releaseUncertain(UncertainReservation uncertain) {
            throw new StateUnavailableException("DynamoDB unreachable", null);
        }
    }

    private static CoreFixture down() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.state = new Unreachable();
        return fixture;
    }

    private static void assertRefusedRow(CoreFixture fixture, String endpoint) {
        assertEquals(1, fixture.ledger.rows.size(), "one row for the refused request");
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("state_unavailable", row.errorType());
        assertEquals(endpoint, row.endpoint());
        assertEquals("alice", row.principal());
        assertNull(row.provider(), "no provider was asked");
    }

    @Test
    void aPromptRefusedAtItsFirstReadIsLedgered() {
        CoreFixture fixture = down();

        assertThrows(StateStoreUnavailableException.class, () -> fixture.completions()
                .complete(new CompleteRequest("hi", 200, false, null), CoreFixture.ALICE));

        assertRefusedRow(fixture, CompletionService.ENDPOINT);
    }

    @Test
    void aChatCompletionRefusedAtItsFirstReadIsLedgered() {
        CoreFixture fixture = down();

        assertThrows(StateStoreUnavailableException.class, () -> fixture.chatCompletions()
                .complete(ChatCalls.whole(null, "hi"), CoreFixture.ALICE));

        assertRefusedRow(fixture, ChatCompletionService.ENDPOINT);
    }

    @Test
    void aStreamRefusedAtItsFirstReadIsLedgered() {
        CoreFixture fixture = down();

        assertThrows(StateStoreUnavailableException.class, () -> fixture.chatCompletions()
                .stream(ChatCalls.streamed(null, "hi", false), CoreFixture.ALICE, chunk -> { }));

        assertRefusedRow(fixture, ChatCompletionService.ENDPOINT);
    }
}
