package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testing.SecretsManagerTestServer;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which ApiKeySource a Micronaut context gets: the environment locally, Secrets Manager on Lambda or when asked. */
class SecretsBeansTest {

    private static final String KEY = "sk-CANARY-selection-never-print-me";

    private static SecretsManagerTestServer secrets;

    @TempDir
    Path ledgerDirectory;

    @BeforeAll
    static void startSecrets() {
        secrets = SecretsManagerTestServer.start();
        // The default: one secret per environment, provider name to key.
        secrets.putSecret("switchboard/dev/providers", "{\"openai\": \"" + KEY + "\"}");
    }

    @AfterAll
    static void stopSecrets() {
        secrets.close();
    }

    @Test
    void theEnvironmentSourceIsTheDefault() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertInstanceOf(EnvironmentApiKeySource.class, context.getBean(ApiKeySource.class));
        }
    }

    @Test
    void thePropertySelectsSecretsManager() {
        try (ApplicationContext context = ApplicationContext.run(properties(secretsManager()))) {
            ApiKeySource keys = context.getBean(ApiKeySource.class);

            assertInstanceOf(SecretsManagerApiKeySource.class, keys);
            assertEquals(Optional.of(new ApiKey(KEY)), keys.apiKey("openai"), "read through the configured endpoint");
        }
    }

    @Test
    void onLambdaSecretsManagerIsTheDefault() {
        Map<String, Object> lambda = new HashMap<>(secretsManager());
        lambda.remove(ApiKeySourceKind.PROPERTY);
        try (ApplicationContext context = ApplicationContext.builder().environments(ApiKeySourceKind.LAMBDA_ENVIRONMENT)
                .properties(properties(lambda)).properties(Map.of("datasources.default.url", fileLedgerUrl())).start()) {
            assertInstanceOf(SecretsManagerApiKeySource.class, context.getBean(ApiKeySource.class));
        }
    }

    @Test
    void onLambdaThePropertyCanStillChooseTheEnvironment() {
        try (ApplicationContext context = ApplicationContext.builder().environments(ApiKeySourceKind.LAMBDA_ENVIRONMENT)
                .properties(properties(Map.of(ApiKeySourceKind.PROPERTY, "environment")))
                .properties(Map.of("datasources.default.url", fileLedgerUrl())).start()) {
            assertInstanceOf(EnvironmentApiKeySource.class, context.getBean(ApiKeySource.class));
        }
    }

    @Test
    void anUnknownSourceFailsNamingTheVariable() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(properties(Map.of(ApiKeySourceKind.PROPERTY, "vault")))) {
                context.getBean(ApiKeySource.class);
            }
        });

        String message = rootConfigurationError(e).getMessage();
        assertTrue(message.contains("SWITCHBOARD_SECRETS_SOURCE") && message.contains("vault"), message);
    }

    @Test
    void secretsManagerWithoutAStageFailsNamingTheVariable() {
        Map<String, Object> noStage = new HashMap<>(secretsManager());
        noStage.remove("switchboard.secrets.stage");
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(properties(noStage))) {
                context.getBean(ApiKeySource.class);
            }
        });

        String message = rootConfigurationError(e).getMessage();
        assertTrue(message.contains("SWITCHBOARD_SECRETS_STAGE"), message);
    }

    private static Map<String, Object> secretsManager() {
        return Map.of(
                ApiKeySourceKind.PROPERTY, "secrets-manager",
                "switchboard.secrets.stage", "dev",
                "switchboard.secrets.endpoint", secrets.endpoint().toString(),
                "switchboard.secrets.region", "us-east-1",
                "switchboard.secrets.local-credentials", true);
    }

    private static Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("switchboard.state.store", "memory");
        properties.put("datasources.default.url", H2Ledger.freshUrl());
        return properties;
    }

    /** Lambda refuses an in-memory ledger (LambdaLedgerGuard), so Lambda contexts get one in a file. */
    private String fileLedgerUrl() {
        return "jdbc:h2:file:" + ledgerDirectory.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static Throwable rootConfigurationError(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConfigurationError)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ConfigurationError.class, cause, String.valueOf(e));
        return cause;
    }
}
