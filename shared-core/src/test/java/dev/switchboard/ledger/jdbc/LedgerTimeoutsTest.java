package dev.switchboard.ledger.jdbc;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTimeoutsTest {

    private final LedgerTimeouts defaults = new LedgerTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));

    private static DatasourceConfiguration at(String url) {
        DatasourceConfiguration datasource = new DatasourceConfiguration("default");
        datasource.setUrl(url);
        return datasource;
    }

    @Test
    void onPostgresqlConnectingLoggingInAndEachReadAreBounded() {
        DatasourceConfiguration datasource = defaults.apply(at("jdbc:postgresql://db.example.com:5432/ledger"));

        assertEquals(2_000, datasource.getConnectionTimeout(), "not the pool's 30 s default");
        assertEquals("2", datasource.getDataSourceProperties().getProperty("connectTimeout"));
        assertEquals("2", datasource.getDataSourceProperties().getProperty("loginTimeout"));
        assertEquals("15", datasource.getDataSourceProperties().getProperty("socketTimeout"));
        assertEquals("-c statement_timeout=10000 -c plan_cache_mode=force_custom_plan",
                datasource.getDataSourceProperties().getProperty("options"));
    }

    @Test
    void aTimeoutTheUrlSetsIsLeftToIt() {
        DatasourceConfiguration datasource = defaults.apply(
                at("jdbc:postgresql://db.example.com/ledger?sslmode=require&socketTimeout=30"));

        assertNull(datasource.getDataSourceProperties().getProperty("socketTimeout"));
        assertEquals("2", datasource.getDataSourceProperties().getProperty("connectTimeout"));
    }

    @Test
    void optionsTheUrlGivesKeepTheirOwnSettingsAndGetTheLimitsItDoesNotSet() {
        DatasourceConfiguration searchPath = defaults.apply(
                at("jdbc:postgresql://db.example.com/ledger?options=-c%20search_path%3Dsb&sslmode=require"));
        assertEquals("jdbc:postgresql://db.example.com/ledger?options=-c%20search_path%3Dsb%20-c%20statement_timeout"
                + "%3D10000%20-c%20plan_cache_mode%3Dforce_custom_plan&sslmode=require", searchPath.getUrl());
        assertNull(searchPath.getDataSourceProperties().getProperty("options"), "pgjdbc would read the URL's over it");

        DatasourceConfiguration ownTimeout = defaults.apply(
                at("jdbc:postgresql://db.example.com/ledger?OPTIONS=-c%20statement_timeout%3D30000"));
        assertEquals("jdbc:postgresql://db.example.com/ledger?OPTIONS=-c%20statement_timeout%3D30000"
                + "%20-c%20plan_cache_mode%3Dforce_custom_plan", ownTimeout.getUrl());
    }

    @Test
    void h2GetsThePoolsBoundOnlySinceItTakesNoDriverTimeouts() {
        DatasourceConfiguration datasource = defaults.apply(at("jdbc:h2:mem:ledger;MODE=PostgreSQL"));

        assertEquals(2_000, datasource.getConnectionTimeout());
        assertTrue(datasource.getDataSourceProperties().isEmpty());
    }

    @Test
    void theApplicationsDataSourceIsBounded() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.ledger.connect-timeout", "3s"))) {
            assertEquals(3_000, context.getBean(DatasourceConfiguration.class).getConnectionTimeout());
        }
    }

    @Test
    void timeoutsTooShortForThePoolOrAQueryAreRefused() {
        assertThrows(ConfigurationError.class, () -> new LedgerTimeouts(Duration.ofMillis(100), Duration.ofSeconds(10)));
        assertThrows(ConfigurationError.class, () -> new LedgerTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
    }
}
