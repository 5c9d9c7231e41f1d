package dev.switchboard.loadbench;

import java.util.Map;

/**
 * One way of running the gateway under load: where its state lives, whether the response cache is on,
 * and whether the streamed runs are made too. The ledger is on in every scenario.
 */
enum GatewayScenario {

    MEMORY("memory", "state in-process (in-memory adapters), cache off", "memory", false, true),
    DYNAMODB("dynamodb", "state in DynamoDB Local (in the gateway's process), cache off", "dynamodb", false, true),
    CACHE_HITS("cache", "cache hits (cache on, the same request repeated), state in-process", "memory", true, false);

    private final String key;
    private final String title;
    private final String store;
    private final boolean cache;
    private final boolean streamed;

    GatewayScenario(String key, String title, String store, boolean cache, boolean streamed) {
        this.key = key;
        this.title = title;
        this.store = store;
        this.cache = cache;
        this.streamed = streamed;
    }

    static GatewayScenario of(String key) {
        for (GatewayScenario scenario : values()) {
            if (scenario.key.equals(key.trim())) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenarios takes memory, dynamodb and cache; got '" + key + "'");
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    boolean streamed() {
        return streamed;
    }

    /** The gateway's environment for this scenario, on top of the files and port. */
    Map<String, String> environment() {
        return Map.of("SWITCHBOARD_STATE_STORE", store, "SWITCHBOARD_CACHE_ENABLED", String.valueOf(cache));
    }
}
