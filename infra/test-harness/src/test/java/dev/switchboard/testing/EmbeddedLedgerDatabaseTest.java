package dev.switchboard.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedLedgerDatabaseTest {

    @Test
    void runsARealPostgresServerOnLoopback() throws SQLException {
        EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.shared();
        assertSame(database, EmbeddedLedgerDatabase.shared());
        assertTrue(database.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:" + database.port() + "/"));

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("select version()")) {
            assertTrue(version.next());
            assertTrue(version.getString(1).startsWith("PostgreSQL "), version.getString(1));
        }
    }

    @Test
    void givesEachCallerItsOwnEmptyDatabase() throws SQLException {
        EmbeddedLedgerDatabase server = EmbeddedLedgerDatabase.shared();
        try (IsolatedDatabase first = server.createDatabase(EmbeddedLedgerDatabaseTest.class);
             IsolatedDatabase second = server.createDatabase("Ledger Entries!")) {
            assertTrue(second.name().startsWith("ledger_entries__"), second.name());

            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("create table ledger_entry (id bigint primary key, amount_micros bigint not null)");
                statement.execute("insert into ledger_entry values (1, 2500)");
                try (ResultSet sum = statement.executeQuery("select sum(amount_micros) from ledger_entry")) {
                    assertTrue(sum.next());
                    assertEquals(2500, sum.getLong(1));
                }
                statement.execute("drop table ledger_entry");
                try (ResultSet tables = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_name = 'ledger_entry'")) {
                    assertTrue(tables.next());
                    assertEquals(0, tables.getInt(1));
                }
            }
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
                assertTrue(tables.next());
                assertEquals(0, tables.getInt(1));
            }
            assertEquals("org.postgresql.Driver", first.micronautProperties().get("datasources.default.driver-class-name"));
            assertEquals(first.jdbcUrl(), first.micronautProperties().get("datasources.default.url"));
        }
    }

    @Test
    void closingDropsTheDatabase() {
        IsolatedDatabase database = EmbeddedLedgerDatabase.shared().createDatabase("dropped");
        database.close();
        SQLException gone = assertThrows(SQLException.class, () -> connect(database).close());
        assertFalse(gone.getMessage().isEmpty());
    }

    private static Connection connect(IsolatedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
