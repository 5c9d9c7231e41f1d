package dev.switchboard.gateway;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local gateway's own settings, read once from the environment at start-up.
 *
 * @param port        PORT, default 8080; 0 picks any free port
 * @param dataDir     SWITCHBOARD_DATA_DIR, default ./data: the H2 ledger and DynamoDB Local's files
 * @param ledgerUrl   SWITCHBOARD_LEDGER_URL when set (e.g. a PostgreSQL server); otherwise the H2 file
 * @param adminKeySet whether SWITCHBOARD_ADMIN_KEY is set (authentication is off without it)
 * @param stateCallTimeout SWITCHBOARD_DYNAMODB_API_CALL_TIMEOUT, default {@value #LOCAL_STATE_CALL_TIMEOUT}: DynamoDB
 *                    Local in the same process answers far slower than DynamoDB on a busy machine, so the
 *                    2 s meant for AWS would fail its start-up there
 * @param inMemoryState SWITCHBOARD_STATE_STORE=memory: state in this process instead of DynamoDB Local (the load
 *                    benchmark's measure of the gateway's own cost); no DynamoDB Local is started then
 * @param config      SWITCHBOARD_CONFIG, the providers file; null for the built-in providers
 */
record GatewaySettings(int port, Path dataDir, String ledgerUrl, boolean adminKeySet, String stateCallTimeout,
                       boolean inMemoryState, String config) {

    static final int DEFAULT_PORT = 8080;
    static final String LOCAL_STATE_CALL_TIMEOUT = "10s";

    static GatewaySettings fromEnvironment(Map<String, String> env) {
        String portText = env.getOrDefault("PORT", "");
        int port;
        try {
            port = portText.isBlank() ? DEFAULT_PORT : Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number between 0 (any free port) and 65535 (got '" + portText + "')");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be a number between 0 (any free port) and 65535 (got '" + portText + "')");
        }
        Path dataDir = Path.of(env.getOrDefault("SWITCHBOARD_DATA_DIR", "data")).toAbsolutePath().normalize();
        String ledger = env.get("SWITCHBOARD_LEDGER_URL");
        if (ledger == null || ledger.isBlank()) {
            ledger = "jdbc:h2:file:" + dataDir.resolve("ledger")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        }
        String admin = env.get("SWITCHBOARD_ADMIN_KEY");
        String timeout = env.getOrDefault("SWITCHBOARD_DYNAMODB_API_CALL_TIMEOUT", "");
        String config = env.get("SWITCHBOARD_CONFIG");
        return new GatewaySettings(port, dataDir, ledger, admin != null && !admin.isBlank(),
                timeout.isBlank() ? LOCAL_STATE_CALL_TIMEOUT : timeout.trim(),
                "memory".equals(env.getOrDefault("SWITCHBOARD_STATE_STORE", "").trim()),
                config == null || config.isBlank() ? null : config);
    }
}
