package dev.switchboard.secrets;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import io.micronaut.jdbc.DataSourceResolver;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The ledger's connection pools, given new credentials. */
final class LedgerPools {

    private final List<DataSource> dataSources;
    private final DataSourceResolver resolver;

    LedgerPools(List<DataSource> dataSources, DataSourceResolver resolver) {
        this.dataSources = List.copyOf(dataSources);
        this.resolver = resolver;
    }

    /**
     * Gives every started pool whose user or password differs {@code credentials}, and retires its
     * connections opened with the old ones; true when any pool changed.
     */
    boolean use(LedgerCredentials credentials) {
        boolean changed = false;
        for (DataSource dataSource : dataSources) {
            if (resolver.resolve(dataSource) instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null
                    && !(credentials.username().equals(pool.getUsername())
                    && Objects.equals(credentials.password(), pool.getPassword()))) {
                // Both at once: a connection opened between two setters would pair the new user with the old password.
                pool.getHikariConfigMXBean().setCredentials(Credentials.of(credentials.username(),
                        credentials.password()));
                pool.getHikariPoolMXBean().softEvictConnections();
                changed = true;
            }
        }
        return changed;
    }
}
