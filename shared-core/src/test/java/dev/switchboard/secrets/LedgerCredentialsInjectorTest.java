package dev.switchboard.secrets;

import javax.sql.DataSource;
import io.micronaut.jdbc.DataSourceResolver;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testing.SecretsManagerTestServer;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's user and password from a Secrets Manager secret (the real SDK client against a stand-in on
 * 127.0.0.1): the data source connects with them, and a secret that cannot serve stops start-up naming
 * the secret, never its contents.
 */
class LedgerCredentialsInjectorTest {

    private static final String PASSWORD = "pw-from-the-secret-7f3a";
    private static SecretsManagerTestServer secrets;

    @BeforeAll
    static void start() {
        secrets = SecretsManagerTestServer.start();
        secrets.putSecret("switchboard/dev/ledger", "{\"username\":\"ledger_app\",\"password\":\"" + PASSWORD
                + "\",\"host\":\"db.internal\",\"port\":5432}");
        secrets.putSecret("switchboard/dev/ledger-incomplete", "{\"username\":\"ledger_app\",\"pass\":\"" + PASSWORD + "\"}");
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    @Test
    void theDataSourceConnectsWithTheSecretsUserAndPassword() throws SQLException {
        String url = H2Ledger.freshUrl();
        try (ApplicationContext context = ApplicationContext.run(properties(url, "switchboard/dev/ledger"))) {
            DatasourceConfiguration configuration = context.getBean(DatasourceConfiguration.class);
            assertEquals("ledger_app", configuration.getUsername());
            assertEquals(PASSWORD, configuration.getPassword());
            // The migrations ran through the pool at start-up, and H2 made the user of that first connection
            // the database's owner: the secret's password opens it, another does not.
            try (Connection direct = DriverManager.getConnection(url, "ledger_app", PASSWORD)) {
                assertFalse(direct.isClosed());
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "ledger_app", "not-the-password"));
        }
    }

    @Test
    void afterASnapStartRestoreThePoolTakesTheSecretsCurrentPassword() {
        secrets.putSecret("switchboard/dev/ledger-rotating", "{\"username\":\"ledger_app\",\"password\":\"first\"}");
        try (ApplicationContext context = ApplicationContext.run(properties(H2Ledger.freshUrl(),
                "switchboard/dev/ledger-rotating"))) {
            HikariDataSource pool = (HikariDataSource) context.getBean(DataSourceResolver.class)
                    .resolve(context.getBean(DataSource.class));
            assertEquals("first", pool.getPassword());
            secrets.putSecret("switchboard/dev/ledger-rotating", "{\"username\":\"ledger_app\",\"password\":\"rotated\"}");

            context.getBean(LedgerCredentialsRestore.class).afterRestore(null);

            assertEquals("rotated", pool.getPassword());
            assertEquals("ledger_app", pool.getUsername());
        }
    }

    @Test
    void aMissingSecretStopsStartUpNamingIt() {
        String message = startUpFailure("switchboard/dev/no-such-secret");

        assertTrue(message.contains("'switchboard/dev/no-such-secret' could not be read"), message);
        assertTrue(message.contains("SWITCHBOARD_LEDGER_CREDENTIALS_SECRET"), message);
    }

    @Test
    void aSecretWithoutAPasswordStopsStartUpWithoutShowingWhatItHolds() {
        String message = startUpFailure("switchboard/dev/ledger-incomplete");

        assertTrue(message.contains("needs the string fields \"username\" and \"password\""), message);
        assertFalse(message.contains(PASSWORD), message);
    }

    @Test
    void theCredentialsNeverPrintTheirPassword() {
        assertFalse(new LedgerCredentials("u", PASSWORD).toString().contains(PASSWORD));
    }

    private static String startUpFailure(String secretName) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            // The migrations at start-up are the data source's first use.
            ApplicationContext.run(properties(H2Ledger.freshUrl(), secretName)).close();
        });
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConfigurationError)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static Map<String, Object> properties(String ledgerUrl, String secretName) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("switchboard.state.store", "memory");
        properties.put("datasources.default.url", ledgerUrl);
        properties.put("switchboard.ledger.credentials-secret", secretName);
        properties.put("switchboard.secrets.stage", "dev");
        properties.put("switchboard.secrets.endpoint", secrets.endpoint().toString());
        properties.put("switchboard.secrets.region", "us-east-1");
        properties.put("switchboard.secrets.local-credentials", true);
        return properties;
    }
}
