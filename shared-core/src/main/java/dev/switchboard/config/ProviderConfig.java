package dev.switchboard.config;

import java.util.List;
import java.util.Locale;

/**
 * A provider as the configuration file declares it. {@code baseUrl} may be null for protocols with a
 * fixed endpoint; {@code simulation} is set only for the simulated protocol; {@code promptCaching} (anthropic
 * and bedrock only) marks each request's prefix for the provider's prompt cache; {@code guardrail} (bedrock
 * only, null for none) is the Bedrock guardrail every request goes through; {@code maxTokensField}
 * (openai-compatible only, null for the protocol's own) names the request field the answer's budget goes in.
 */
public record ProviderConfig(String name, String protocol, String baseUrl, List<DeploymentConfig> deployments,
                             SimulationConfig simulation, boolean promptCaching, BedrockGuardrail guardrail,
                             String maxTokensField) {

    public ProviderConfig {
        deployments = List.copyOf(deployments);
    }

    /** A provider whose budget goes in its protocol's own field. */
    public ProviderConfig(String name, String protocol, String baseUrl, List<DeploymentConfig> deployments,
                          SimulationConfig simulation, boolean promptCaching, BedrockGuardrail guardrail) {
        this(name, protocol, baseUrl, deployments, simulation, promptCaching, guardrail, null);
    }

    /** A provider whose requests ask nothing of a prompt cache and go through no guardrail. */
    public ProviderConfig(String name, String protocol, String baseUrl, List<DeploymentConfig> deployments,
                          SimulationConfig simulation) {
        this(name, protocol, baseUrl, deployments, simulation, false, null, null);
    }

    /** The environment variable that holds this provider's key when running locally. */
    public String apiKeyVariable() {
        return apiKeyVariable(name);
    }

    /** {@code <NAME>_API_KEY}: the provider name upper-cased, anything but letters and digits as '_'. */
    public static String apiKeyVariable(String providerName) {
        // A loop, not a regular expression: keys are looked up on every upstream call.
        StringBuilder variable = new StringBuilder(providerName.length() + 8);
        providerName.toUpperCase(Locale.ROOT).codePoints().forEach(c ->
                variable.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char) c : '_'));
        return variable.append("_API_KEY").toString();
    }
}
