package dev.switchboard.secrets;

import dev.switchboard.config.ProviderConfig;
import java.util.Map;
import java.util.Optional;

/** Keys from environment variables named {@code <PROVIDER>_API_KEY} (DESIGN.md's local rule). */
public final class EnvironmentApiKeySource implements ApiKeySource {

    private final Map<String, String> environment;

    public EnvironmentApiKeySource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<ApiKey> apiKey(String providerName) {
        String value = environment.get(ProviderConfig.apiKeyVariable(providerName));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new ApiKey(value.strip()));
    }

    @Override
    public String describe(String providerName) {
        return "environment variable " + ProviderConfig.apiKeyVariable(providerName);
    }
}
