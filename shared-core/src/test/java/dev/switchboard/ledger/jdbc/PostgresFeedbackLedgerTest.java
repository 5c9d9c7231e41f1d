package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;

import java.util.Map;

/** Feedback on PostgreSQL, production's database (embedded PostgreSQL, a fresh database per test). */
class PostgresFeedbackLedgerTest extends FeedbackLedgerContract {

    @Override
    Map<String, Object> datasource() {
        return EmbeddedLedgerDatabase.shared().createDatabase(PostgresFeedbackLedgerTest.class).micronautProperties();
    }
}
