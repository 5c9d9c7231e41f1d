package dev.switchboard.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.jdbc.DataSourceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The ledger's schema is migrated when it is behind, and Flyway is left alone when it is not. */
class LedgerMigrationsTest {

    private final List<DataSource> migrated = new ArrayList<>();
    private final LedgerMigrations migrations = new LedgerMigrations(DataSourceResolver.DEFAULT, true, migrated::add,
            Clock.systemUTC(), Runnable::run);

    private static JdbcDataSource newLedger() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations(LedgerMigrations.LOCATION).target(target).load();
    }

    private DataSource created(DataSource dataSource) {
        return migrations.prepared(dataSource);
    }

    @Test
    void aNewLedgerIsMigrated() {
        DataSource ledger = newLedger();

        assertEquals(ledger, created(ledger));

        assertEquals(List.of(ledger), migrated);
    }

    @Test
    void aLedgerOneMigrationBehindIsMigrated() {
        DataSource ledger = newLedger();
        flyway(ledger, String.valueOf(LedgerSchema.LATEST_VERSION - 1)).migrate();

        created(ledger);

        assertEquals(List.of(ledger), migrated);
    }

    @Test
    void aLedgerAtTheNewestVersionIsNotTouched() {
        DataSource ledger = newLedger();
        flyway(ledger, "latest").migrate();

        created(ledger);

        assertTrue(migrated.isEmpty(), "Flyway was not asked");
    }

    @Test
    void theRealMigrationBringsANewLedgerToTheNewestVersion() throws SQLException {
        DataSource ledger = newLedger();
        new LedgerMigrations(DataSourceResolver.DEFAULT, true).prepared(ledger);

        assertTrue(LedgerMigrations.upToDate(ledger));
        try (Connection connection = ledger.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, "request_log", "cache_write_tokens_in")) {
            assertTrue(columns.next(), "the newest migration's column is there");
        }
    }

    @Test
    void rowsAndRolledDaysFromBeforeThePromptCacheColumnsReadAsNoPromptCacheUse() throws SQLException {
        DataSource ledger = newLedger();
        flyway(ledger, "8").migrate();
        try (Connection connection = ledger.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO request_log (id, created_at, principal, endpoint,"
                    + " strategy, confidence, pattern, complexity, provider, model, tokens_in, tokens_out, cost,"
                    + " baseline_cost, priced, latency_ms, cache_hit, fallback_used, attempts, status) VALUES ('r1',"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-29 10:00:00+00', 'alice', 'complete', 'complexity', 'medium',"
                    + " 'general', 0.2, 'anthropic', 'claude', 2021, 9, 0.001, 0.01, TRUE, 40, FALSE, FALSE, 1, 'ok')");
            connection.createStatement().executeUpdate("INSERT INTO request_day (utc_day, principal, strategy,"
                    + " confidence, provider, model, status, cache_hit, fallback_used, priced, requests, tokens_in,"
                    + " tokens_out, cost, baseline_cost, latency_ms) VALUES (DATE '2026-11-28', 'alice', 'complexity',"
                    + " 'medium', 'anthropic', 'claude', 'ok', FALSE, FALSE, TRUE, 3, 600, 30, 0.003, 0.03, 120)");
        }

        flyway(ledger, "latest").migrate();

        try (Connection connection = ledger.getConnection()) {
            for (String table : new String[]{"request_log", "request_day"}) {
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT tokens_in, cached_tokens_in, cache_write_tokens_in FROM " + table);
                assertTrue(row.next(), table);
                assertTrue(row.getLong(1) > 0, table + " keeps its input tokens");
                assertEquals(0, row.getLong(2), table);
                assertEquals(0, row.getLong(3), table);
            }
        }
    }

    @Test
    void daysRolledBeforeTheErrorTypeColumnAreMarkedAsAnOlderRollup() throws SQLException {
        DataSource ledger = newLedger();
        flyway(ledger, "9").migrate();
        try (Connection connection = ledger.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO request_day (utc_day, principal, strategy,"
                    + " confidence, status, cache_hit, fallback_used, priced, requests, tokens_in, tokens_out, cost,"
                    + " baseline_cost, latency_ms) VALUES (DATE '2026-11-28', 'alice', 'complexity', 'medium', 'error',"
                    + " FALSE, FALSE, TRUE, 2, 20, 0, 0, 0, 10)");
            connection.createStatement().executeUpdate("INSERT INTO request_day_rollup (utc_day, rolled_at, stale)"
                    + " VALUES (DATE '2026-11-28', TIMESTAMP WITH TIME ZONE '2026-11-29 00:30:00+00', FALSE)");
        }

        flyway(ledger, "latest").migrate();

        try (Connection connection = ledger.getConnection()) {
            ResultSet marker = connection.createStatement().executeQuery("SELECT rollup_version FROM request_day_rollup");
            assertTrue(marker.next());
            assertEquals(0, marker.getInt(1), "older than DailyRollup's: read from request_log, which holds the types, "
                    + "until rolled again");
            ResultSet day = connection.createStatement().executeQuery("SELECT error_type FROM request_day");
            assertTrue(day.next());
            assertNull(day.getString(1), "until then its old sums are kept, not read");
        }
    }

    @Test
    void withMigrationsOffABehindLedgerIsLeftAsItIs() {
        DataSource ledger = newLedger();
        LedgerMigrations off = new LedgerMigrations(DataSourceResolver.DEFAULT, false, migrated::add,
                Clock.systemUTC(), Runnable::run);

        off.prepared(ledger);

        assertTrue(migrated.isEmpty());
        assertFalse(LedgerMigrations.upToDate(ledger));
    }

    @Test
    void aRepairsDeleteRowOfTheNewestVersionDoesNotCountAsApplied() throws SQLException {
        DataSource ledger = newLedger();
        flyway(ledger, "latest").migrate();
        try (Connection connection = ledger.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE flyway_schema_history SET type = 'DELETE' WHERE version = '"
                    + LedgerSchema.LATEST_VERSION + "'");
        }

        assertFalse(LedgerMigrations.upToDate(ledger));
    }


    @Test
    void readsTheLeadingNumberOfAVersion() {
        assertEquals(3, LedgerSchema.major("3"));
        assertEquals(3, LedgerSchema.major("3.1"));
        assertEquals(12, LedgerSchema.major("12"));
        assertEquals(0, LedgerSchema.major("baseline"));
        assertEquals(0, LedgerSchema.major(""));
    }

    @Test
    void theNewestVersionIsTheHighestMigrationShipped() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        int highest = 0;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path file : files.toList()) {
                Matcher m = name.matcher(file.getFileName().toString());
                assertTrue(m.matches(), "not a versioned migration: " + file);
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        assertEquals(highest, LedgerSchema.LATEST_VERSION);
    }
}
