package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which {@link ApiKeySource} this process uses. {@value #PROPERTY} decides when it is set; otherwise
 * Secrets Manager on Lambda (Micronaut's {@value #LAMBDA_ENVIRONMENT} environment, the one the project
 * already treats as "on Lambda") and the environment variables everywhere else.
 */
public enum ApiKeySourceKind {
    ENVIRONMENT("environment"),
    SECRETS_MANAGER("secrets-manager");

    public static final String PROPERTY = "switchboard.secrets.source";
    public static final String LAMBDA_ENVIRONMENT = "lambda";

    private final String setting;

    ApiKeySourceKind(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    static ApiKeySourceKind select(Optional<String> configured, Collection<String> activeEnvironments) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String value = configured.get().strip().toLowerCase(Locale.ROOT);
            for (ApiKeySourceKind kind : values()) {
                if (kind.setting.equals(value)) {
                    return kind;
                }
            }
            // A typo must not quietly leave a Lambda reading keys from variables nobody set.
            throw new ConfigurationError(PROPERTY + " (SWITCHBOARD_SECRETS_SOURCE) is '" + configured.get()
                    + "'; use '" + ENVIRONMENT.setting + "' or '" + SECRETS_MANAGER.setting + "'");
        }
        return activeEnvironments.contains(LAMBDA_ENVIRONMENT) ? SECRETS_MANAGER : ENVIRONMENT;
    }
}
