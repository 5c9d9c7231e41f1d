package dev.switchboard.ledger.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import javax.sql.DataSource;

/**
 * Empties the ledger's connection pools before a CRaC checkpoint (Lambda SnapStart snapshots a published
 * version after start-up, when the migrations have just used a connection): a connection in the snapshot
 * would be a dead socket after every restore, and the first ledger write would wait on it. After the
 * restore the pool opens new connections as they are asked for.
 */
@Context
public class LedgerPoolCheckpoint implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPoolCheckpoint.class);

    private final List<DataSource> dataSources;
    private final DataSourceResolver resolver;

    /** CRaC holds its resources weakly: this bean, held by the application context, keeps itself alive. */
    @Inject
    public LedgerPoolCheckpoint(List<DataSource> dataSources, DataSourceResolver resolver) {
        this(dataSources, resolver, Core.getGlobalContext());
    }

    LedgerPoolCheckpoint(List<DataSource> dataSources, DataSourceResolver resolver,
                         org.crac.Context<Resource> context) {
        this.dataSources = List.copyOf(dataSources);
        this.resolver = resolver;
        context.register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        for (DataSource dataSource : dataSources) {
            if (resolver.resolve(dataSource) instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                // Idle connections close now; one in use closes when it is given back.
                pool.getHikariPoolMXBean().softEvictConnections();
                LOG.info("ledger pool {} emptied before the checkpoint", pool.getPoolName());
            }
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to do: the pool opens connections on demand.
    }
}
