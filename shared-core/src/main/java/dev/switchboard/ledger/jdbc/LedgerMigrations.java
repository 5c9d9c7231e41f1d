package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LedgerUse;
import dev.switchboard.ledger.PacedTask;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * ledger, and requests park their rows in the outbox): its schema is checked when the ledger is next
 * used, at most once a minute and off the request's thread, until the check is made (see
 * {@link #retryIfUnchecked()}). With SnapStart the start is the snapshot's, made when the version is
 * published, so every instance restored from it checks again. Wrong credentials or a database that
 * does not exist still stop the start.
 */
@Singleton
public class LedgerMigrations implements BeanCreatedEventListener<DataSource>, LedgerUse {

    static final String LOCATION = "classpath:db/migration";

    /** How often a schema check put off at start-up is tried again, at most. */
    static final Duration RETRY_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMigrations.class);

    private final DataSourceResolver resolver;
    private final boolean enabled;
    private final Consumer<DataSource> migrate;
    private final PacedTask retries;
    /** The ledger whose schema could not be checked at start-up; null once it has been. */
    private volatile DataSource unchecked;

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
        this.retries = new PacedTask(clock, RETRY_EVERY, Instant.MIN, retries, this::retry);
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
        DataSource target = resolver.resolve(dataSource);
        LedgerSchema.Reading reading = LedgerSchema.read(target);
        switch (reading.state()) {
            case CURRENT -> LOG.debug("ledger schema at version {}: no migration to run", LedgerSchema.LATEST_VERSION);
            case BEHIND -> migrateOrReport(target);
            case UNREACHABLE -> {
                unchecked = target;
                LOG.error("the ledger cannot be reached at start-up ({}): its schema is checked again when the "
                        + "ledger is next used; until the ledger takes rows they are parked in the outbox",
                        reading.cause());
            }
        }
        return dataSource;
    }

    private void migrateOrReport(DataSource target) {
        if (enabled) {
            LOG.info("ledger schema lacks migrations up to version {}: migrating with Flyway",
                    LedgerSchema.LATEST_VERSION);
            migrate.accept(target);
        } else {
            LOG.error("ledger schema lacks migrations up to version {} and switchboard.ledger.migrate is false: "
                    + "ledger writes fail (their rows wait in the outbox) until it is migrated",
                    LedgerSchema.LATEST_VERSION);
        }
    }

    @Override
    public void used() {
        retryIfUnchecked();
    }

    /**
     * Whenever the ledger is used: if its schema could not be checked at start-up, the check is made now
     * on the retry executor, at most once every {@link #RETRY_EVERY}. A running instance only checks: a
     * schema found behind is reported, not migrated, since Lambda may freeze the instance between
     * invocations in the middle of a migration, holding its locks; the next start migrates it.
     */
    public void retryIfUnchecked() {
        if (unchecked != null) {
            retries.ask();
        }
    }

    private void retry() {
        DataSource pending = unchecked;
        if (pending == null) {
            return;
        }
        try {
            LedgerSchema.Reading reading = LedgerSchema.read(pending);
            if (reading.state() == LedgerSchema.State.CURRENT) {
                unchecked = null;
                LOG.info("the ledger is reachable again and its schema is current");
            } else if (reading.state() == LedgerSchema.State.BEHIND) {
                unchecked = null;
                LOG.error("the ledger is reachable again but lacks migrations up to version {}: ledger writes fail "
                        + "(their rows wait in the outbox) until a new start migrates it (redeploy, or run the "
                        + "migrations)", LedgerSchema.LATEST_VERSION);
            }
        } catch (RuntimeException e) {
            LOG.error("the ledger's schema could not be checked: {}", e.getMessage());
        }
    }

    /** Whether the schema history records the newest migration as applied (see {@link LedgerSchema#read}). */
    static boolean upToDate(DataSource dataSource) {
        return LedgerSchema.read(dataSource).state() == LedgerSchema.State.CURRENT;
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
