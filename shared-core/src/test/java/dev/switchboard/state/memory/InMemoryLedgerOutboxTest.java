package dev.switchboard.state.memory;

import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.ledger.LedgerOutboxContract;

class InMemoryLedgerOutboxTest extends LedgerOutboxContract {

    @Override
    protected LedgerOutbox outbox() {
        return new InMemoryLedgerOutbox();
    }
}
