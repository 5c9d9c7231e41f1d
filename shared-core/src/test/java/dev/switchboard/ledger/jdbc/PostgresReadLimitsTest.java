package dev.switchboard.ledger.jdbc;

import dev.switchboard.testing.EmbeddedLedgerDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
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
                assertEquals(15_000, request.getNetworkTimeout());
                assertEquals("10s", statementTimeout(request), "the server stops a statement after 10 s");
                assertEquals("force_custom_plan", setting(request, "plan_cache_mode"),
                        "a plan per call, never one generic plan for every principal");
            }
            try (Connection migration = new UnboundedReadsDataSource(pool).getConnection()) {
                assertEquals(0, migration.getNetworkTimeout());
                assertEquals("0", statementTimeout(migration));
            }
            ((HikariDataSource) pool).getHikariPoolMXBean().softEvictConnections();
            try (Connection next = pool.getConnection()) {
                assertEquals(15_000, next.getNetworkTimeout(), "the pool restores the read limit");
                assertEquals("10s", statementTimeout(next), "a fresh connection has the statement limit");
            }
        }
    }

    @Test
    void aUrlWithOptionsOfItsOwnKeepsThemAndGetsTheLimitsBeside() throws SQLException {
        Map<String, Object> properties = new HashMap<>(
                EmbeddedLedgerDatabase.shared().createDatabase(PostgresReadLimitsTest.class).micronautProperties());
        String url = (String) properties.get("datasources.default.url");
        properties.put("datasources.default.url", url + (url.contains("?") ? "&" : "?")
                + "options=-c%20work_mem%3D5MB");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            DataSource pool = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));

            try (Connection request = pool.getConnection()) {
                assertEquals("5MB", setting(request, "work_mem"), "the URL's own option");
                assertEquals("10s", statementTimeout(request), "pgjdbc reads the URL's options over a property");
                assertEquals("force_custom_plan", setting(request, "plan_cache_mode"));
            }
        }
    }

    private static String statementTimeout(Connection connection) throws SQLException {
        return setting(connection, "statement_timeout");
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
