package dev.switchboard.config;

import java.util.List;

/**
 * A provider as the configuration file declares it. {@code baseUrl} may be null for protocols with a
 * fixed endpoint; {@code simulation} is set only for the simulated protocol.
 */
public record ProviderConfig(String name, String protocol, String baseUrl,
                             List<DeploymentConfig> deployments, SimulationConfig simulation) {

    public ProviderConfig {
        deployments = List.copyOf(deployments);
    }

    /** The environment variable that holds this provider's key when running locally. */
    public String apiKeyVariable() {
        return apiKeyVariable(name);
    }

    /** {@code <NAME>_API_KEY}: the provider name upper-cased, anything but letters and digits as '_'. */
    public static String apiKeyVariable(String providerName) {
        return providerName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
    }
}
