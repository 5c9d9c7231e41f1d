package dev.switchboard.ledger.jdbc;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Brings the ledger's schema up to date when its datasource is created, before anything uses it, as
 * micronaut-flyway did; but it asks Flyway's schema history first, and when the newest migration this
 * build carries is applied already (every start but the first of a new version), Flyway is not loaded at
 * all. Its start-up (its configuration, which loads Jackson, the scan of the migrations, the check of
 * their checksums) cost about half a second of CPU per cold start without SnapStart (README "Cold
 * start"). A ledger with no history or one behind is migrated by Flyway as before, which validates the
 * checksums of what was applied (so an edited migration is now caught only then); concurrent starts are
 * serialised by Flyway's own lock. With {@code switchboard.ledger.migrate=false} (an operator who
 * migrates the ledger separately) nothing is migrated, and a ledger found behind is reported at ERROR:
 * its writes fail, and their rows wait in the outbox, until it is migrated.
 * <p>
 * A ledger that cannot be reached at start-up does not stop the start (the health probe does not use the
 * ledger, and requests park their rows in the outbox): its schema is checked, and migrated if behind,
 * after a later ledger write fails, at most once a minute and off the request's thread, until the check
 * is made. On Lambda with SnapStart the start-up is the snapshot's, so the restored instances repeat it.
 */
@Singleton
public class LedgerMigrations implements BeanCreatedEventListener<DataSource> {

    /** The highest {@code V<n>__} under {@code db/migration}; {@code LedgerMigrationsTest} holds the two equal. */
    static final int LATEST_VERSION = 4;

    static final String LOCATION = "classpath:db/migration";

    /** How often a schema check put off at start-up is tried again, at most. */
    static final Duration RETRY_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMigrations.class);

    private final DataSourceResolver resolver;
    private final boolean enabled;
    private final Consumer<DataSource> migrate;
    private final Clock clock;
    private final Executor retries;
    private final AtomicBoolean retrying = new AtomicBoolean();
    /** The ledger whose schema could not be checked at start-up; null once it has been. */
    private volatile DataSource unchecked;
    private volatile Instant nextRetry = Instant.MIN;

    @Inject
    public LedgerMigrations(DataSourceResolver resolver,
                            @Value("${switchboard.ledger.migrate:true}") boolean enabled, Clock clock,
                            @Named(TaskExecutors.IO) Executor retries) {
        this(resolver, enabled, LedgerMigrations::migrateWithFlyway, clock, retries);
    }

    /** Migrating with Flyway; a check put off at start-up is repeated on the calling thread. */
    LedgerMigrations(DataSourceResolver resolver, boolean enabled) {
        this(resolver, enabled, LedgerMigrations::migrateWithFlyway, Clock.systemUTC(), Runnable::run);
    }

    LedgerMigrations(DataSourceResolver resolver, boolean enabled, Consumer<DataSource> migrate, Clock clock,
                     Executor retries) {
        this.resolver = Objects.requireNonNull(resolver);
        this.enabled = enabled;
        this.migrate = Objects.requireNonNull(migrate);
        this.clock = Objects.requireNonNull(clock);
        this.retries = Objects.requireNonNull(retries);
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return prepared(event.getBean());
    }

    /**
     * {@code dataSource}, its schema brought up to date when it was behind, or its check put off when
     * the ledger cannot be reached.
     */
    DataSource prepared(DataSource dataSource) {
        if (!checked(dataSource)) {
            unchecked = dataSource;
            LOG.error("the ledger cannot be reached at start-up: its schema is checked (and migrated if behind) "
                    + "after a later ledger write fails; until the ledger takes rows they are parked in the outbox");
        }
        return dataSource;
    }

    /**
     * After a ledger write failed: when the schema check was put off at start-up, it is made now on the
     * retry executor, at most once every {@link #RETRY_EVERY}.
     */
    public void retryIfUnchecked() {
        DataSource pending = unchecked;
        Instant now = clock.instant();
        if (pending == null || now.isBefore(nextRetry) || !retrying.compareAndSet(false, true)) {
            return;
        }
        nextRetry = now.plus(RETRY_EVERY);
        try {
            retries.execute(() -> retry(pending));
        } catch (RejectedExecutionException e) {
            retrying.set(false);
        }
    }

    private void retry(DataSource pending) {
        try {
            if (checked(pending)) {
                unchecked = null;
                LOG.info("the ledger is reachable again and its schema is checked");
            }
        } catch (RuntimeException e) {
            LOG.error("the ledger's migration failed: {}", e.toString());
        } finally {
            retrying.set(false);
        }
    }

    /** Brings the schema up to date (or reports it behind, with migrations off); false when unreachable. */
    private boolean checked(DataSource dataSource) {
        DataSource target = resolver.resolve(dataSource);
        Schema schema = schemaOf(target);
        if (schema == Schema.UNREACHABLE) {
            return false;
        }
        if (schema == Schema.CURRENT) {
            LOG.debug("ledger schema at version {}: no migration to run", LATEST_VERSION);
        } else if (enabled) {
            LOG.info("ledger schema lacks migrations up to version {}: migrating with Flyway", LATEST_VERSION);
            migrate.accept(target);
        } else {
            LOG.error("ledger schema lacks migrations up to version {} and switchboard.ledger.migrate is false: "
                    + "ledger writes fail (their rows wait in the outbox) until it is migrated", LATEST_VERSION);
        }
        return true;
    }

    /** Whether the schema history records the newest migration as applied (see {@link #schemaOf}). */
    static boolean upToDate(DataSource dataSource) {
        return schemaOf(dataSource) == Schema.CURRENT;
    }

    enum Schema { CURRENT, BEHIND, UNREACHABLE }

    /**
     * CURRENT when the schema history records the newest migration as applied (a versioned migration or a
     * baseline; a "delete" row of {@code flyway repair} does not count); UNREACHABLE when no connection
     * can be had, or it fails with a connection error (SQLState class 08); BEHIND otherwise: no history
     * table (a new ledger), or any other failure to read it: Flyway then decides, and reports what is wrong.
     */
    static Schema schemaOf(DataSource dataSource) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            LOG.debug("no ledger connection ({}, SQLState {})", e.getClass().getSimpleName(), e.getSQLState());
            return Schema.UNREACHABLE;
        }
        try (connection;
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                             + " AND type IN ('SQL', 'JDBC', 'BASELINE')")) {
            int newest = 0;
            while (applied.next()) {
                newest = Math.max(newest, major(applied.getString(1)));
            }
            return newest >= LATEST_VERSION ? Schema.CURRENT : Schema.BEHIND;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return Schema.UNREACHABLE;
            }
            LOG.debug("ledger schema history not read ({}): the ledger counts as behind", e.getClass().getSimpleName());
            return Schema.BEHIND;
        }
    }

    /** The leading number of a Flyway version ("3", "3.1"); 0 for anything else. */
    static int major(String version) {
        int end = 0;
        while (end < version.length() && end < 9 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version, 0, end, 10);
    }

    private static void migrateWithFlyway(DataSource dataSource) {
        // Without the pool's limits: building an index on a large ledger may take longer.
        Flyway.configure().dataSource(new UnboundedReadsDataSource(dataSource)).locations(LOCATION).load().migrate();
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            // Their statement limit was lifted for the session: no request may get one of them.
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
