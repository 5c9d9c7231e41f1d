package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;

import java.util.Map;

/** Observed failures on PostgreSQL, production's database (embedded PostgreSQL, a fresh database per test). */
class PostgresObservedLessonsLedgerTest extends ObservedLessonsLedgerContract {

    @Override
    Map<String, Object> datasource() {
        return EmbeddedLedgerDatabase.shared().createDatabase(PostgresObservedLessonsLedgerTest.class)
                .micronautProperties();
    }
}
