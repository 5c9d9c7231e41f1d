package dev.switchboard.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local gateway whose providers are fake upstreams on loopback: a providers file of one-deployment
 * providers, and the gateway started over it with every provider's key set to a test key.
 */
final class FakeProviders {

    private FakeProviders() {
    }

    /**
     * One provider with one economy deployment of {@code model}.
     *
     * @param capabilities the providers file's capabilities besides the context length, as it spells them
     *                     (for example {@code "tools: true, streaming: true, json: true"})
     */
    static String provider(String name, String protocol, String baseUrl, String model, int priority,
                           String capabilities) {
        return String.join("\n",
                "  - name: " + name,
                "    protocol: " + protocol,
                "    base-url: " + baseUrl,
                "    deployments:",
                "      - {model: \"" + model + "\", tier: economy, rpm: 100, tpm: 100000, priority: " + priority + ",",
                "         capabilities: {context-length: 128000, " + capabilities + "}}");
    }

    /**
     * One provider with one deployment of {@code model} in {@code tier} at the price given (USD per million
     * tokens in and out), so that its rank among the others is set by the test.
     */
    static String pricedProvider(String name, String protocol, String baseUrl, String model, String tier,
                                 int priority, String inputPerMillion, String outputPerMillion, String capabilities) {
        return String.join("\n",
                "  - name: " + name,
                "    protocol: " + protocol,
                "    base-url: " + baseUrl,
                "    deployments:",
                "      - {model: \"" + model + "\", tier: " + tier + ", rpm: 100, tpm: 100000, priority: " + priority + ",",
                "         price: {input-per-million: " + inputPerMillion + ", output-per-million: " + outputPerMillion + "},",
                "         capabilities: {context-length: 128000, " + capabilities + "}}");
    }

    /** A gateway on a free port over {@code providers}, its state in DynamoDB Local under {@code data}. */
    static LocalGateway start(Path data, String apiKey, String... providers) throws IOException {
        return start(data, Map.of(), apiKey, providers);
    }

    /** As above, with more of the gateway's environment (SWITCHBOARD_STATE_STORE=memory starts faster). */
    static LocalGateway start(Path data, Map<String, String> environment, String apiKey, String... providers)
            throws IOException {
        Files.createDirectories(data);
        Path config = data.resolve("providers.yml");
        Files.writeString(config, "providers:\n" + String.join("\n", List.of(providers)) + "\n");
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", "0");
        env.put("SWITCHBOARD_DATA_DIR", data.resolve("gw").toString());
        return LocalGateway.start(GatewaySettings.fromEnvironment(env),
                // A loaded machine can make DynamoDB Local slow to answer while tables are created.
                Map.of("switchboard.config", config.toString(), "test.api-key", apiKey,
                        "switchboard.dynamodb.api-call-timeout", "15s"));
    }
}
