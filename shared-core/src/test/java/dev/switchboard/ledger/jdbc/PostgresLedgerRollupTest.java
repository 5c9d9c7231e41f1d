package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;

import java.util.Map;

/** The analytics' daily rollup on PostgreSQL, production's database. */
class PostgresLedgerRollupTest extends LedgerRollupContract {

    @Override
    Map<String, Object> database() {
        return EmbeddedLedgerDatabase.shared().createDatabase(PostgresLedgerRollupTest.class).micronautProperties();
    }
}
