package dev.switchboard.ledger.jdbc;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.jdbc.DataSourceResolver;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger that cannot be reached when an instance starts does not stop the start: its schema is checked
 * when the ledger is next used, at most once a minute, until the check is made. Wrong settings still stop it.
 */
class LedgerUnreachableAtStartTest {

    /** What the ledger's connections fail with; null while it is up. */
    private final AtomicReference<SQLException> failure = new AtomicReference<>(hikariTimeout("08001"));
    private final JdbcDataSource h2 = newLedger();
    private final DataSource ledger = failing(h2, failure);
    private final MutableClock clock = new MutableClock();
    private final List<Runnable> retries = new ArrayList<>();
    private final LedgerMigrations migrations = new LedgerMigrations(DataSourceResolver.DEFAULT, true, clock,
            retries::add);

    private static JdbcDataSource newLedger() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** As HikariCP gives up waiting: no SQLState of its own, the driver's last failure as its cause. */
    private static SQLException hikariTimeout(String driverState) {
        return new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms.",
                null, new SQLException("connection failed", driverState));
    }

    /** {@code real}, whose connections fail with {@code failure} while it is set. */
    private static DataSource failing(DataSource real, AtomicReference<SQLException> failure) {
        return (DataSource) Proxy.newProxyInstance(LedgerUnreachableAtStartTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && failure.get() != null) {
                        throw failure.get();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void runRetries() {
        List<Runnable> due = new ArrayList<>(retries);
        retries.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void anUnreachableLedgerDoesNotStopTheStartAndTheLogSaysWhyAndWhatHappensMeanwhile() {
        try (LogLines logs = new LogLines()) {
            assertSame(ledger, migrations.prepared(ledger));

            String error = logs.at("ERROR").stream().filter(line -> line.contains("cannot be reached at start-up"))
                    .findFirst().orElseThrow(() -> new AssertionError(logs.lines()));
            assertTrue(error.contains("SQLException, SQLState 08001"), error);
        }
        assertEquals(LedgerSchema.State.UNREACHABLE, LedgerSchema.read(ledger).state());
    }

    @Test
    void wrongCredentialsOrNoSuchDatabaseStillStopTheStart() {
        failure.set(hikariTimeout("28P01"));
        ConfigurationError credentials = assertThrows(ConfigurationError.class, () -> migrations.prepared(ledger));
        assertTrue(credentials.getMessage().contains("SQLState 28P01"), credentials.getMessage());

        failure.set(new SQLException("database \"ledgr\" does not exist", "3D000"));
        assertThrows(ConfigurationError.class, () -> migrations.prepared(ledger));
    }

    @Test
    void theLedgerBackWithItsSchemaCurrentIsCheckedOnceOnTheRetryExecutor() {
        migrations.prepared(ledger);
        Flyway.configure().dataSource(h2).locations(LedgerMigrations.LOCATION).load().migrate();
        failure.set(null);

        migrations.retryIfUnchecked();
        assertEquals(1, retries.size(), "the check runs on the retry executor, not the caller's thread");
        try (LogLines logs = new LogLines()) {
            runRetries();
            assertTrue(logs.at("INFO").stream().anyMatch(line -> line.contains("schema is current")), logs.lines().toString());
        }

        clock.advance(LedgerMigrations.RETRY_EVERY);
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty(), "checked once, never again");
    }

    @Test
    void aRunningInstanceReportsABehindSchemaWithoutMigratingIt() {
        migrations.prepared(ledger);
        failure.set(null);

        migrations.retryIfUnchecked();
        try (LogLines logs = new LogLines()) {
            runRetries();
            assertTrue(logs.at("ERROR").stream().anyMatch(line -> line.contains("until a new start migrates it")),
                    logs.lines().toString());
        }

        assertFalse(LedgerMigrations.upToDate(h2), "Lambda may freeze a running instance in mid-migration");
    }

    @Test
    void whileTheLedgerStaysDownTheCheckIsRepeatedAtMostOnceAMinute() {
        migrations.prepared(ledger);

        migrations.retryIfUnchecked();
        runRetries();
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty(), "not again within the minute");

        clock.advance(LedgerMigrations.RETRY_EVERY.minus(Duration.ofSeconds(1)));
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty());

        clock.advance(Duration.ofSeconds(1));
        migrations.retryIfUnchecked();
        assertEquals(1, retries.size());
    }

    @Test
    void aLedgerReachedAtStartIsNeverCheckedAgain() {
        failure.set(null);
        migrations.prepared(ledger);
        assertTrue(LedgerMigrations.upToDate(h2));

        migrations.retryIfUnchecked();

        assertTrue(retries.isEmpty());
    }

    @Test
    void aConnectionLostOrAServerShuttingDownWhileReadingTheHistoryCountsAsUnreachable() {
        assertEquals(LedgerSchema.State.UNREACHABLE, LedgerSchema.read(failingQuery("08006")).state());
        assertEquals(LedgerSchema.State.UNREACHABLE, LedgerSchema.read(failingQuery("57P01")).state());
        assertEquals(LedgerSchema.State.BEHIND, LedgerSchema.read(failingQuery("42P01")).state(),
                "no history table: a new ledger, for Flyway");
    }

    @Test
    void writingToTheLedgerIsWhatTriggersTheCheck() {
        migrations.prepared(ledger);
        JdbcOperations broken = (JdbcOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JdbcOperations.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("ledger down");
                });
        JdbcRequestLedger requests = new JdbcRequestLedger(null, null, broken, List.of(migrations), java.time.Clock.systemUTC());
        LedgerEntry row = LedgerEntries.ok(clock.instant()).build();

        assertThrows(RuntimeException.class, () -> requests.append(row));

        assertEquals(1, retries.size());
    }

    /** A ledger whose connection fails the history query with {@code sqlState}. */
    private DataSource failingQuery(String sqlState) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.invoke(h2, args);
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                if (m.getName().equals("createStatement")) {
                                    throw new SQLException("failed", sqlState);
                                }
                                return null;
                            });
                });
    }
}
