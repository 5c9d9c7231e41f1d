package dev.switchboard.secrets;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testing.SecretsManagerTestServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm instance learns a rotated ledger password: while the ledger is in use its secret is read again
 * every five minutes, off the caller's thread, and a new password reaches the pool.
 */
class LedgerCredentialsRefreshTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<Object> secret = new AtomicReference<>(new LedgerCredentials("sa", "initial"));
    private final List<Runnable> reads = new ArrayList<>();

    private LedgerCredentials read() {
        Object held = secret.get();
        if (held instanceof RuntimeException e) {
            throw e;
        }
        return (LedgerCredentials) held;
    }

    @Test
    void aRotatedPasswordReachesThePoolAtTheFirstUseFiveMinutesOnAndNotBefore() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.state.store", "memory",
                "datasources.default.url", H2Ledger.freshUrl()))) {
            HikariDataSource pool = pool(context);
            LedgerCredentialsRefresh refresh = new LedgerCredentialsRefresh("switchboard/dev/ledger", this::read,
                    new LedgerPools(List.of(context.getBean(DataSource.class)), context.getBean(DataSourceResolver.class)),
                    clock, reads::add);
            secret.set(new LedgerCredentials("sa", "rotated"));

            refresh.used();
            assertTrue(reads.isEmpty(), "the start has just read it");

            clock.advance(LedgerCredentialsRefresh.EVERY);
            refresh.used();
            refresh.used();
            assertEquals(1, reads.size(), "one read at a time, off the caller's thread");
            try (LogLines logs = new LogLines()) {
                reads.remove(0).run();
                assertTrue(logs.at("INFO").stream().anyMatch(l -> l.contains("holds new credentials")),
                        logs.lines().toString());
            }

            assertEquals("rotated", pool.getPassword());
        }
    }

    @Test
    void aReadThatFailsKeepsTheCredentialsAndIsTriedAgainFiveMinutesLater() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.state.store", "memory",
                "datasources.default.url", H2Ledger.freshUrl()))) {
            HikariDataSource pool = pool(context);
            String before = pool.getPassword();
            LedgerCredentialsRefresh refresh = new LedgerCredentialsRefresh("switchboard/dev/ledger", this::read,
                    new LedgerPools(List.of(context.getBean(DataSource.class)), context.getBean(DataSourceResolver.class)),
                    clock, reads::add);
            secret.set(new IllegalStateException("Secrets Manager unreachable"));
            clock.advance(LedgerCredentialsRefresh.EVERY);

            refresh.used();
            try (LogLines logs = new LogLines()) {
                reads.remove(0).run();
                assertTrue(logs.at("WARN").stream().anyMatch(l -> l.contains("could not be read again")),
                        logs.lines().toString());
            }
            assertEquals(before, pool.getPassword());

            clock.advance(Duration.ofMinutes(4));
            refresh.used();
            assertTrue(reads.isEmpty());
            clock.advance(Duration.ofMinutes(1));
            refresh.used();
            assertEquals(1, reads.size());
        }
    }

    @Test
    void aLoginRefusedAfterARotationReadsTheSecretAtOnceOnTheRefusedThread() throws SQLException {
        refusedAfterARotation(ledger -> ledger.append(LedgerEntries.ok(Instant.parse("2026-11-22T12:00:01Z")).build()));
    }

    @Test
    void aReadRefusedAfterARotationReadsTheSecretAtOnceToo() throws SQLException {
        // The metrics function and the previews only read: they must pick up a rotation as the writer does.
        refusedAfterARotation(ledger -> ledger.qualityTotals(Instant.parse("2026-11-15T00:00:00Z"), LedgerScope.EVERYONE));
    }

    /** Rotates the ledger's password under a warm context, has {@code refusedUse} refused, and checks the pool. */
    private static void refusedAfterARotation(Consumer<RequestLedger> refusedUse) throws SQLException {
        try (SecretsManagerTestServer secrets = SecretsManagerTestServer.start()) {
            secrets.putSecret("switchboard/dev/ledger", "{\"username\":\"ledger_app\",\"password\":\"first\"}");
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "switchboard.state.store", "memory",
                    "datasources.default.url", H2Ledger.freshUrl(),
                    "switchboard.ledger.credentials-secret", "switchboard/dev/ledger",
                    "switchboard.ledger.connect-timeout", "1s",
                    "switchboard.secrets.stage", "dev",
                    "switchboard.secrets.endpoint", secrets.endpoint().toString(),
                    "switchboard.secrets.region", "us-east-1",
                    "switchboard.secrets.local-credentials", true))) {
                RequestLedger ledger = context.getBean(RequestLedger.class);
                ledger.append(LedgerEntries.ok(Instant.parse("2026-11-22T12:00:00Z")).build());
                HikariDataSource pool = pool(context);
                // The rotation: the database's password and the secret change; the pool's connections go.
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("ALTER USER ledger_app SET PASSWORD 'rotated'");
                }
                secrets.putSecret("switchboard/dev/ledger", "{\"username\":\"ledger_app\",\"password\":\"rotated\"}");
                pool.getHikariPoolMXBean().softEvictConnections();

                assertThrows(RuntimeException.class, () -> refusedUse.accept(ledger), "the old password is refused");

                // Read on the refused thread, before anything else ran: the pool holds what opens the ledger now.
                // (HikariCP takes a pool's credentials afresh for each connection it opens.)
                assertEquals("rotated", pool.getPassword());
                try (Connection opened = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                        pool.getPassword())) {
                    assertTrue(opened.isValid(1));
                }
            }
        }
    }

    private static HikariDataSource pool(ApplicationContext context) {
        return (HikariDataSource) context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }
}
