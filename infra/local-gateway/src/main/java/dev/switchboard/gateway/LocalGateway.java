package dev.switchboard.gateway;

import dev.switchboard.api.http.LoopbackHostFilter;
import dev.switchboard.config.ProcessEnvironment;
import dev.switchboard.localaws.DynamoDbLocalServer;
import dev.switchboard.service.AdminKey;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs every function's controllers in one process on 127.0.0.1, with DynamoDB Local in-process
 * (telemetry off) and an H2 file ledger under the data folder: what is tested locally is what runs
 * on Lambda, minus API Gateway.
 */
public final class LocalGateway implements AutoCloseable {

    /** Tables of the local gateway live under their own prefix, apart from any test's. */
    static final String TABLE_PREFIX = "switchboard-local-";
    /** Any region will do for DynamoDB Local; naming one keeps the SDK from looking for one. */
    static final String LOCAL_REGION = "us-east-1";

    /** main's exit code when the settings, the providers file, the port or the data folder cannot be used. */
    static final int UNUSABLE_SETTINGS = 2;
    private static final String ADMIN_KEY_VARIABLE = "SWITCHBOARD_ADMIN_KEY";

    private final DataDirLock dataDir;
    private final DynamoDbLocalServer dynamo;
    private final ApplicationContext context;

    private LocalGateway(DataDirLock dataDir, DynamoDbLocalServer dynamo, ApplicationContext context) {
        this.dataDir = dataDir;
        this.dynamo = dynamo;
        this.context = context;
    }

    public static void main(String[] args) throws IOException {
        // The gateway never runs on EC2: no SDK client may ask the instance-metadata address.
        System.setProperty("aws.disableEc2Metadata", "true");
        // Micronaut's own shutdown hook stops the context, which closes DynamoDB Local (see
        // LocalDynamoDbShutdown); a second hook of ours would deadlock with it. The data folder's lock
        // goes with the process.
        int code;
        try {
            code = run(ProcessEnvironment.current().variables(), args, System.out, System.err);
        } catch (Throwable e) {
            // A half-started context keeps non-daemon threads: without an exit the process would hang on.
            LoggerFactory.getLogger(LocalGateway.class).error("the local gateway could not start", e);
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * main without its exit: 0 once the gateway listens (banner on {@code out}); {@link #UNUSABLE_SETTINGS}
     * after one line on {@code err} when start-up failed on a setting. Any other failure is thrown.
     */
    static int run(Map<String, String> environment, String[] args, PrintStream out, PrintStream err)
            throws IOException {
        GatewaySettings settings;
        LocalGateway gateway;
        try {
            settings = GatewaySettings.fromEnvironment(environment);
            gateway = start(settings, Map.of(), args);
        } catch (RuntimeException e) {
            err.println(StartUpChecks.reason(e).orElseThrow(() -> e));
            return UNUSABLE_SETTINGS;
        }
        gateway.printBanner(out, settings);
        return 0;
    }

    /**
     * A gateway in the caller's process, as {@link #main} would start it with {@code environment} as
     * the process environment: for programs and tests that embed one (PORT "0" picks a free port).
     */
    public static LocalGateway start(Map<String, String> environment, Map<String, Object> overrides)
            throws IOException {
        Map<String, Object> settings = new HashMap<>();
        // Micronaut reads this process's variables; the admin key of the environment given is passed on, so that
        // the gateway checks requests as one started with that environment would.
        String adminKey = environment.get(ADMIN_KEY_VARIABLE);
        if (adminKey != null) {
            settings.put("switchboard.admin-key", adminKey);
        }
        settings.putAll(overrides);
        return start(GatewaySettings.fromEnvironment(environment), settings);
    }

    /**
     * Checks the providers file and the port, takes the data folder, starts DynamoDB Local (unless the
     * state is kept in memory) and then the HTTP server; {@code overrides} win over everything else.
     */
    static LocalGateway start(GatewaySettings settings, Map<String, Object> overrides, String... args)
            throws IOException {
        // What can be checked without a side effect goes first: a mistake then leaves nothing behind.
        StartUpChecks.providers(settings, overrides);
        StartUpChecks.port(settings.port());
        DataDirLock dataDir = DataDirLock.take(settings.dataDir());
        DynamoDbLocalServer dynamo = null;
        boolean contextStarting = false;
        try {
            dynamo = settings.inMemoryState() ? null
                    : DynamoDbLocalServer.startPersistent(settings.dataDir().resolve("dynamodb"),
                            DynamoDbLocalServer.ANY_FREE_PORT);
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "micronaut.server.host", "127.0.0.1",
                    "micronaut.server.port", settings.port(),
                    // No response compression: on loopback it saves nothing, and deciding it costs every answer.
                    "micronaut.server.netty.compression-threshold", -1,
                    "datasources.default.url", settings.ledgerUrl(),
                    LoopbackHostFilter.ENABLED, true));
            if (settings.config() != null) {
                // The file just checked, even when the caller's environment is not this process's.
                properties.put(StartUpChecks.CONFIG_PROPERTY, settings.config());
            }
            if (dynamo != null) {
                properties.putAll(Map.of(
                        "switchboard.dynamodb.endpoint", dynamo.endpoint().toString(),
                        "switchboard.dynamodb.local-credentials", true,
                        "switchboard.dynamodb.region", LOCAL_REGION,
                        "switchboard.dynamodb.table-prefix", TABLE_PREFIX,
                        "switchboard.dynamodb.api-call-timeout", settings.stateCallTimeout()));
            } else {
                properties.put("switchboard.state.store", "memory");
            }
            properties.putAll(overrides);
            var builder = new NoExitMicronaut().args(args)
                    .mainClass(LocalGateway.class)
                    .environments("local")
                    .properties(properties);
            if (dynamo != null) {
                builder.singletons(dynamo);
            }
            contextStarting = true;
            return new LocalGateway(dataDir, dynamo, builder.start());
        } catch (RuntimeException | Error e) {
            // An Error too (a native library DynamoDB Local cannot load): the folder and the server are let go.
            if (dynamo != null) {
                dynamo.close();
            }
            if (!contextStarting) {
                dataDir.close();
            }
            // Otherwise the folder stays held until this JVM ends: Micronaut does not close a context that failed
            // to start, which may still hold the H2 ledger's file, and a second gateway here would run without it.
            throw e;
        }
    }

    ApplicationContext context() {
        return context;
    }

    /** The address the server actually listens on (PORT=0 picks a free port). */
    public String address() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    void printBanner(PrintStream out, GatewaySettings settings) {
        String address = address();
        out.println();
        out.println("Switchboard local gateway listening on " + address);
        out.println(settings.inMemoryState()
                ? "  data (ledger): " + settings.dataDir() + "; state in this process (SWITCHBOARD_STATE_STORE=memory)"
                : "  data (ledger, DynamoDB Local): " + settings.dataDir());
        // As the requests will be checked: by the admin key the context holds, however it was set.
        AdminKey admin = context.getBean(AdminKey.class);
        if (admin.configured()) {
            out.println("  Authentication is on: send 'Authorization: Bearer <key>' (the admin key, or a key"
                    + " the admin created with POST /keys).");
        } else if (admin.authenticationOn()) {
            out.println("  Authentication is on: the admin key is the one kept in Secrets Manager"
                    + " (SWITCHBOARD_SECRETS_SOURCE=secrets-manager).");
        } else {
            out.println("  WARNING: SWITCHBOARD_ADMIN_KEY is not set: authentication is OFF. Local use only.");
        }
        out.println("Try:");
        // With authentication on, the hint names the variable, never the key itself.
        String authorization = !admin.authenticationOn() ? ""
                : settings.adminKeySet() ? " -H \"authorization: Bearer $SWITCHBOARD_ADMIN_KEY\""
                : " -H 'authorization: Bearer <admin key>'";
        out.println("  curl -s " + address + "/complete -H 'content-type: application/json'" + authorization
                + " -d '{\"prompt\":\"hi\"}'");
        out.println();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            try {
                if (dynamo != null) {
                    dynamo.close();
                }
            } finally {
                dataDir.close();
            }
        }
    }
}
