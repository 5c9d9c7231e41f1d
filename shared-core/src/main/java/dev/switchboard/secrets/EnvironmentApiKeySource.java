package dev.switchboard.secrets;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ProviderException;
import java.util.Map;
import java.util.Optional;

/** Keys from environment variables named {@code <PROVIDER>_API_KEY} (DESIGN.md's local rule). */
public final class EnvironmentApiKeySource implements ApiKeySource {

    private final Map<String, String> environment;

    public EnvironmentApiKeySource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The key, stripped; empty when unset or blank. One that no HTTP header can carry (a byte-order mark, a space
     * inside) fails the call UNAUTHORIZED naming the variable, never quoting the key.
     */
    @Override
    public Optional<ApiKey> apiKey(String providerName) {
        String variable = ProviderConfig.apiKeyVariable(providerName);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!ApiKey.carriable(value.strip())) {
            throw new ProviderException(providerName, ProviderException.Kind.UNAUTHORIZED, "environment variable "
                    + variable + " holds characters an HTTP header cannot carry (printable ASCII without spaces only)");
        }
        return Optional.of(new ApiKey(value.strip()));
    }

    @Override
    public String describe(String providerName) {
        return "environment variable " + ProviderConfig.apiKeyVariable(providerName);
    }
}
