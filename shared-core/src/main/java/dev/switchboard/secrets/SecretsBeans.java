package dev.switchboard.secrets;

import dev.switchboard.config.ProcessEnvironment;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The key source for this process, chosen by {@link ApiKeySourceKind}: environment variables locally,
 * Secrets Manager on Lambda or wherever {@code switchboard.secrets.source=secrets-manager} is set.
 */
@Factory
public class SecretsBeans {

    @Singleton
    @Requires(condition = ApiKeySourceCondition.Environment.class)
    ApiKeySource environmentApiKeys() {
        return new EnvironmentApiKeySource(ProcessEnvironment.current().variables());
    }

    /** The source owns its client (not a bean of its own, so it cannot clash with one Micronaut AWS may add). */
    // Built at start-up, so that bad SWITCHBOARD_SECRETS_* settings stop the application, not a request.
    @Context
    @Bean(preDestroy = "close")
    @Requires(condition = ApiKeySourceCondition.SecretsManager.class)
    SecretsManagerApiKeySource secretsManagerApiKeys(SecretsManagerSettings settings, JsonMapper json, Clock clock) {
        return new SecretsManagerApiKeySource(SecretsManagerClients.create(settings), settings, json, clock);
    }
}
