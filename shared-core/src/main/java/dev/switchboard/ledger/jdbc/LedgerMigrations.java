package dev.switchboard.ledger.jdbc;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
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
 */
@Singleton
public class LedgerMigrations implements BeanCreatedEventListener<DataSource> {

    /** The highest {@code V<n>__} under {@code db/migration}; {@code LedgerMigrationsTest} holds the two equal. */
    static final int LATEST_VERSION = 4;

    static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMigrations.class);

    private final DataSourceResolver resolver;
    private final boolean enabled;
    private final Consumer<DataSource> migrate;

    @Inject
    public LedgerMigrations(DataSourceResolver resolver,
                            @Value("${switchboard.ledger.migrate:true}") boolean enabled) {
        this(resolver, enabled, LedgerMigrations::migrateWithFlyway);
    }

    LedgerMigrations(DataSourceResolver resolver, boolean enabled, Consumer<DataSource> migrate) {
        this.resolver = Objects.requireNonNull(resolver);
        this.enabled = enabled;
        this.migrate = Objects.requireNonNull(migrate);
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return prepared(event.getBean());
    }

    /** {@code dataSource}, its schema brought up to date when it was behind. */
    DataSource prepared(DataSource dataSource) {
        DataSource target = resolver.resolve(dataSource);
        if (upToDate(target)) {
            LOG.debug("ledger schema at version {}: no migration to run", LATEST_VERSION);
        } else if (enabled) {
            LOG.info("ledger schema lacks migrations up to version {}: migrating with Flyway", LATEST_VERSION);
            migrate.accept(target);
        } else {
            LOG.error("ledger schema lacks migrations up to version {} and switchboard.ledger.migrate is false: "
                    + "ledger writes fail (their rows wait in the outbox) until it is migrated", LATEST_VERSION);
        }
        return dataSource;
    }

    /**
     * Whether the schema history records the newest migration as applied (a versioned migration or a
     * baseline; a "delete" row of {@code flyway repair} does not count). No history table (a new ledger),
     * or any failure to read it, counts as not: Flyway then decides, and reports what is wrong.
     */
    static boolean upToDate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                             + " AND type IN ('SQL', 'JDBC', 'BASELINE')")) {
            int newest = 0;
            while (applied.next()) {
                newest = Math.max(newest, major(applied.getString(1)));
            }
            return newest >= LATEST_VERSION;
        } catch (SQLException e) {
            LOG.debug("ledger schema history not read ({}): the ledger counts as behind", e.getClass().getSimpleName());
            return false;
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
