package dev.switchboard.secrets;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the ledger's credentials secret again after every restore from a SnapStart snapshot, and gives
 * the pools the user and password it holds now: the snapshot was taken when the version was published,
 * and RDS rotates the secrets it manages every 7 days, after which the snapshot's password is refused.
 * A read that fails keeps the credentials the snapshot holds, and says so.
 */
@Context
@Requires(property = LedgerCredentialsInjector.PROPERTY, pattern = ".+")
public class LedgerCredentialsRestore implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCredentialsRestore.class);

    private final String secretName;
    private final SecretsManagerSettings settings;
    private final JsonMapper json;
    private final LedgerPools pools;

    /** CRaC holds its resources weakly: this bean, held by the application context, keeps itself alive. */
    @Inject
    public LedgerCredentialsRestore(@Value("${" + LedgerCredentialsInjector.PROPERTY + "}") String secretName,
                                    SecretsManagerSettings settings, JsonMapper json, List<DataSource> dataSources,
                                    DataSourceResolver resolver) {
        this.secretName = secretName;
        this.settings = settings;
        this.json = json;
        this.pools = new LedgerPools(dataSources, resolver);
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Nothing to release: the pools are emptied by LedgerPoolCheckpoint.
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        LedgerCredentials credentials;
        try {
            credentials = LedgerCredentialsReader.readOnce(settings, json, secretName);
        } catch (RuntimeException e) {
            // Not thrown: a failed restore hook fails the invocation, and the snapshot's password may still hold.
            LOG.error("the ledger credentials secret '{}' could not be read after the restore ({}); the pool keeps "
                    + "the credentials it was started with", secretName, e.getClass().getSimpleName());
            return;
        }
        // A connection opened with the old password (none, after the checkpoint emptied the pool) goes.
        pools.use(credentials);
    }
}
