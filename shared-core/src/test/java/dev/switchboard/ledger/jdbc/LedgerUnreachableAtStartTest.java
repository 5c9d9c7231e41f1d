package dev.switchboard.ledger.jdbc;

import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import io.micronaut.jdbc.DataSourceResolver;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger that cannot be reached when an instance starts does not stop the start: its schema is checked
 * (and migrated) after a later write fails, at most once a minute, until the check is made.
 */
class LedgerUnreachableAtStartTest {

    private final AtomicBoolean down = new AtomicBoolean(true);
    private final JdbcDataSource h2 = newLedger();
    private final DataSource ledger = switchable(h2, down);
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

    /** {@code real}, refusing connections as an unreachable server does while {@code down} is set. */
    private static DataSource switchable(DataSource real, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(LedgerUnreachableAtStartTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLTransientConnectionException("Connection is not available", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anUnreachableLedgerDoesNotStopTheStartAndSaysWhatHappensMeanwhile() {
        try (LogLines logs = new LogLines()) {
            assertSame(ledger, migrations.prepared(ledger));

            assertTrue(logs.at("ERROR").stream().anyMatch(line -> line.contains("cannot be reached at start-up")),
                    logs.lines().toString());
        }
        assertEquals(LedgerMigrations.Schema.UNREACHABLE, LedgerMigrations.schemaOf(ledger));
    }

    @Test
    void aFailedWriteAfterTheLedgerIsBackMigratesIt() {
        migrations.prepared(ledger);
        down.set(false);

        migrations.retryIfUnchecked();
        assertEquals(1, retries.size(), "the check runs on the retry executor, not the writing thread");
        assertFalse(LedgerMigrations.upToDate(h2));
        retries.remove(0).run();

        assertTrue(LedgerMigrations.upToDate(h2));
        clock.advance(LedgerMigrations.RETRY_EVERY);
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty(), "checked once, never again");
    }

    @Test
    void whileTheLedgerStaysDownTheCheckIsRepeatedAtMostOnceAMinute() {
        migrations.prepared(ledger);

        migrations.retryIfUnchecked();
        retries.remove(0).run();
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty(), "not again within the minute");

        clock.advance(LedgerMigrations.RETRY_EVERY.minus(Duration.ofSeconds(1)));
        migrations.retryIfUnchecked();
        assertTrue(retries.isEmpty());

        clock.advance(Duration.ofSeconds(1));
        down.set(false);
        migrations.retryIfUnchecked();
        retries.remove(0).run();
        assertTrue(LedgerMigrations.upToDate(h2));
    }

    @Test
    void aLedgerReachedAtStartIsNeverCheckedAgain() {
        down.set(false);
        migrations.prepared(ledger);
        assertTrue(LedgerMigrations.upToDate(h2));

        migrations.retryIfUnchecked();

        assertTrue(retries.isEmpty());
    }

    @Test
    void aConnectionLostWhileReadingTheHistoryCountsAsUnreachableNotBehind() {
        DataSource dropping = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {java.sql.Connection.class}, (c, m, a) -> {
                                    if (m.getName().equals("createStatement")) {
                                        throw new java.sql.SQLException("An I/O error occurred", "08006");
                                    }
                                    return null;
                                });
                    }
                    return method.invoke(h2, args);
                });

        assertEquals(LedgerMigrations.Schema.UNREACHABLE, LedgerMigrations.schemaOf(dropping));
    }
}
