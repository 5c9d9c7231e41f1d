package dev.switchboard.secrets;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The key source for this process. Locally keys come from the environment; the Secrets Manager
 * source replaces this bean on AWS.
 */
@Factory
public class SecretsBeans {

    @Singleton
    ApiKeySource apiKeys() {
        // The one read of the process environment for keys: everything else gets the source injected.
        return new EnvironmentApiKeySource(System.getenv());
    }
}
