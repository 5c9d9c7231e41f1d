package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;

import java.util.Map;

/** The ledger on PostgreSQL, production's database (embedded PostgreSQL, a fresh database per test). */
class PostgresRequestLedgerTest extends RequestLedgerContract {

    @Override
    Map<String, Object> datasource() {
        return EmbeddedLedgerDatabase.shared().createDatabase(PostgresRequestLedgerTest.class).micronautProperties();
    }
}
