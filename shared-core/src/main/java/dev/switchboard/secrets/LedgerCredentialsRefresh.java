package dev.switchboard.secrets;

import dev.switchboard.ledger.LedgerUse;
import dev.switchboard.ledger.PacedTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Reads the ledger's credentials secret again while the ledger is in use, at most every
 * {@link #EVERY}, off the caller's thread, and at once (on the refused thread, at most every
 * {@link #AFTER_REFUSAL}) when the ledger refuses the pool's password; it gives the pools a rotated one. RDS rotates the
 * secrets it manages every 7 days; an instance that stays warm across a rotation keeps the connections
 * it has, but each new one (the pool retires idle and old ones) would be refused with the old password
 * until the instance went away, its rows parked meanwhile. A read that fails changes nothing.
 */
@Singleton
@Requires(property = LedgerCredentialsInjector.PROPERTY, pattern = ".+")
public class LedgerCredentialsRefresh implements LedgerUse {

    static final Duration EVERY = Duration.ofMinutes(5);
    /** How often a refused login reads the secret on the refused request's thread, at most. */
    static final Duration AFTER_REFUSAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCredentialsRefresh.class);

    private final String secretName;
    private final Supplier<LedgerCredentials> read;
    private final LedgerPools pools;
    private final PacedTask reads;
    private final PacedTask readsAfterRefusal;

    @Inject
    public LedgerCredentialsRefresh(@Value("${" + LedgerCredentialsInjector.PROPERTY + "}") String secretName,
                                    SecretsManagerSettings settings, JsonMapper json, List<DataSource> dataSources,
                                    DataSourceResolver resolver, Clock clock,
                                    @Named(TaskExecutors.IO) Executor reader) {
        this(secretName, () -> LedgerCredentialsReader.readOnce(settings, json, secretName),
                new LedgerPools(dataSources, resolver), clock, reader);
    }

    LedgerCredentialsRefresh(String secretName, Supplier<LedgerCredentials> read, LedgerPools pools, Clock clock,
                             Executor reader) {
        this.secretName = secretName;
        this.read = read;
        this.pools = pools;
        // The start has just read it.
        this.reads = new PacedTask(clock, EVERY, clock.instant().plus(EVERY), reader, this::refresh);
        this.readsAfterRefusal = new PacedTask(clock, AFTER_REFUSAL, Instant.MIN, Runnable::run, this::refresh);
    }

    @Override
    public void used() {
        reads.ask();
    }

    /**
     * The ledger refused the pool's password: read the secret now, on this thread (a background read may be
     * frozen with a quiet Lambda instance), bounded by the Secrets Manager client's timeouts, at most once a
     * minute. The refused row is parked as before; the rows after it connect with what the secret holds now.
     */
    @Override
    public void credentialsRefused() {
        readsAfterRefusal.ask();
    }

    private void refresh() {
        try {
            if (pools.use(read.get())) {
                LOG.info("the ledger credentials secret '{}' holds new credentials: new connections use them",
                        secretName);
            }
        } catch (RuntimeException e) {
            LOG.warn("the ledger credentials secret '{}' could not be read again ({}); the pool keeps its "
                    + "credentials", secretName, e.getClass().getSimpleName());
        }
    }
}
