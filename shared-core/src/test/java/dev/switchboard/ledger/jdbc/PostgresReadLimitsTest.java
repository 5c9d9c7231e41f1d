package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** On PostgreSQL a request's read of the database is bounded; a migration's is not. */
class PostgresReadLimitsTest {

    @Test
    void pooledConnectionsCarryTheSocketTimeoutAndTheMigrationsConnectionsNone() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run(
                EmbeddedLedgerDatabase.shared().createDatabase(PostgresReadLimitsTest.class).micronautProperties())) {
            DataSource pool = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));

            try (Connection request = pool.getConnection()) {
                assertEquals(10_000, request.getNetworkTimeout());
            }
            try (Connection migration = new UnboundedReadsDataSource(pool).getConnection()) {
                assertEquals(0, migration.getNetworkTimeout());
            }
            try (Connection next = pool.getConnection()) {
                assertEquals(10_000, next.getNetworkTimeout(), "the pool restores the limit");
            }
        }
    }
}
