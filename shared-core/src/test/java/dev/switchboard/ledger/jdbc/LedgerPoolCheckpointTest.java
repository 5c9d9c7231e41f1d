package dev.switchboard.ledger.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.RecordingCracContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerPoolCheckpointTest {

    @Test
    void theCheckpointLeavesNoLedgerConnectionOpenAndThePoolReopensAfterTheRestore() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()))) {
            DataSourceResolver resolver = context.getBean(DataSourceResolver.class);
            List<DataSource> dataSources = List.copyOf(context.getBeansOfType(DataSource.class));
            HikariDataSource pool = (HikariDataSource) resolver.resolve(dataSources.get(0));
            // Start-up's use of the ledger (the schema check) gives its connection back to the pool.
            try (var used = pool.getConnection()) {
                assertTrue(used.isValid(1));
            }
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() > 0,
                    "a connection sits in the pool, as on Lambda before the snapshot");
            RecordingCracContext crac = new RecordingCracContext();
            new LedgerPoolCheckpoint(dataSources, resolver, crac);

            crac.beforeCheckpoint(null);

            assertEquals(0, pool.getHikariPoolMXBean().getTotalConnections());
            crac.afterRestore(null);
            try (var connection = pool.getConnection()) {
                assertTrue(connection.isValid(1), "a new connection after the restore");
            }
        }
    }
}
