package dev.switchboard.gateway;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How main's start-up fails: in one line on stderr and exit code 2 when a setting, the providers file, the
 * port or the data folder cannot be used, and before anything is created or started when that can be known.
 */
class LocalGatewayStartUpTest {

    private static final String INSTANT = "classpath:fixtures/providers/instant-simulated.yml";

    @TempDir
    Path dir;

    /** main's outcome: its exit code and what it printed. */
    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(Map<String, String> environment) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalGateway.run(environment, new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** PORT=0, the instant simulated providers and state in memory (no DynamoDB Local), plus {@code more}. */
    private static Map<String, String> environment(Path data, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString(),
                "SWITCHBOARD_CONFIG", INSTANT, "SWITCHBOARD_STATE_STORE", "memory"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void aSecondGatewayOnTheSameDataDirIsRefusedWhileOthersRunSideBySide() throws Exception {
        Path shared = dir.resolve("shared");
        try (LocalGateway first = LocalGateway.start(environment(shared), Map.of());
             LocalGateway other = LocalGateway.start(environment(dir.resolve("other")), Map.of())) {
            Outcome second = run(environment(shared));

            assertEquals(2, second.code());
            assertEquals("SWITCHBOARD_DATA_DIR=" + shared + ": in use by another local gateway\n", second.err());
            assertEquals("", second.out(), "no banner");
            var reply = GatewayCalls.post(first, "/complete", null, "{\"prompt\":\"hi\"}");
            assertEquals(200, reply.statusCode(), reply.body());
            assertTrue(first.context().getBean(JsonMapper.class).readValue(reply.body(), JsonNode.class)
                    .get("routing_metadata").get("ledger_recorded").getBooleanValue(), "the first keeps its ledger");
            assertEquals(200, GatewayCalls.post(other, "/complete", null, "{\"prompt\":\"hi\"}").statusCode());
        }
        try (LocalGateway restarted = LocalGateway.start(environment(shared), Map.of())) {
            assertEquals(200, GatewayCalls.post(restarted, "/complete", null, "{\"prompt\":\"hi\"}").statusCode(),
                    "close() frees the folder for the next gateway");
        }
    }

    @Test
    void aBadProvidersFileIsOneLineAndNothingIsCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("providers.yml"), """
                providers:
                  - {name: sim, protocol: grpc, deployments: [{model: m, tier: economy}]}
                """);
        Path data = dir.resolve("data");

        Outcome outcome = run(environment(data, "SWITCHBOARD_CONFIG", file.toString()));

        assertEquals(2, outcome.code());
        assertEquals("SWITCHBOARD_CONFIG: " + file + ": providers[0].protocol must be one of [anthropic, bedrock, "
                + "gemini, openai, openai-compatible, simulated] (got 'grpc')\n", outcome.err());
        assertFalse(Files.exists(data), "the data folder is not created");
    }

    @Test
    void aPortInUseIsOneLineNamingPortAndNothingIsCreated() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Outcome outcome = run(environment(data, "PORT", String.valueOf(port)));

            assertEquals(2, outcome.code());
            assertEquals("PORT=" + port + ": 127.0.0.1:" + port + " is already in use\n", outcome.err());
        }
        assertFalse(Files.exists(data), "the data folder is not created");
    }

    @Test
    void aPortThatIsNotANumberIsOneLine() throws Exception {
        Outcome outcome = run(environment(dir.resolve("data"), "PORT", "80a"));

        assertEquals(2, outcome.code());
        assertEquals("PORT must be a number between 0 (any free port) and 65535 (got '80a')\n", outcome.err());
    }

    @Test
    void aDataDirThatIsAFileIsOneLineNamingTheVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");

        Outcome outcome = run(environment(file));

        assertEquals(2, outcome.code());
        assertEquals("SWITCHBOARD_DATA_DIR=" + file + ": is a file, not a folder\n", outcome.err());
    }

    @Test
    void aSettingTheContextRefusesIsOneLineAndTheDataDirStaysHeldSinceTheContextMayHoldTheLedger() throws Exception {
        GatewaySettings settings = GatewaySettings.fromEnvironment(environment(dir));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> LocalGateway.start(settings, Map.of("switchboard.cache.ttl", "0s")));

        assertEquals("SWITCHBOARD_CACHE_TTL (switchboard.cache.ttl) must be at least 1s: PT0S",
                StartUpChecks.reason(e).orElseThrow());
        ConfigurationError held = assertThrows(ConfigurationError.class, () -> DataDirLock.take(dir));
        assertTrue(held.getMessage().endsWith("in use by another local gateway"), held.getMessage());
    }

    @Test
    void anAdminKeyNoHeaderCanCarryStopsStartUpInOneLineWithoutShowingIt() {
        GatewaySettings settings = GatewaySettings.fromEnvironment(environment(dir));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> LocalGateway.start(settings, Map.of("switchboard.admin-key", "CANARY admin key")));

        assertEquals("SWITCHBOARD_ADMIN_KEY must be printable ASCII without spaces, as a bearer token is",
                StartUpChecks.reason(e).orElseThrow());
    }

    @Test
    void theBannerGivesTheAddressTheAuthenticationAndAHintThatWorksWithoutEverPrintingTheKey() throws Exception {
        for (boolean keyed : new boolean[]{false, true}) {
            Map<String, String> env = keyed ? environment(dir.resolve("keyed"), "SWITCHBOARD_ADMIN_KEY", "s3cret-banner")
                    : environment(dir.resolve("open"));
            try (LocalGateway gateway = LocalGateway.start(env, Map.of())) {
                ByteArrayOutputStream banner = new ByteArrayOutputStream();
                gateway.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8),
                        GatewaySettings.fromEnvironment(env));
                String text = banner.toString(StandardCharsets.UTF_8);

                assertTrue(text.contains("listening on " + gateway.address()), text);
                assertFalse(text.contains("s3cret-banner"), text);
                assertEquals(keyed, text.contains("-H \"authorization: Bearer $SWITCHBOARD_ADMIN_KEY\""), text);
                assertEquals(!keyed, text.contains("authentication is OFF"), text);
            }
        }
    }

    @Test
    void anAdminKeySetOtherwiseThanByItsVariableIsTheOneTheBannerTellsOf() throws Exception {
        Map<String, String> env = environment(dir.resolve("property"));
        // As with run.sh --switchboard.admin-key=… or -Dswitchboard.admin-key=…: no SWITCHBOARD_ADMIN_KEY in sight.
        try (LocalGateway gateway = LocalGateway.start(env, Map.of("switchboard.admin-key", "s3cret-property-key"))) {
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            gateway.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8), GatewaySettings.fromEnvironment(env));
            String text = banner.toString(StandardCharsets.UTF_8);

            assertTrue(text.contains("Authentication is on: send 'Authorization: Bearer <key>'"), text);
            assertFalse(text.contains("authentication is OFF"), text);
            assertTrue(text.contains("-H 'authorization: Bearer <admin key>'"), text);
            assertFalse(text.contains("s3cret-property-key"), text);
        }
    }

    @Test
    void anUnexpectedFailureKeepsItsTrace() {
        assertTrue(StartUpChecks.reason(new IllegalStateException("bug", new NullPointerException())).isEmpty());
        assertEquals("x", StartUpChecks.reason(new RuntimeException(new IllegalArgumentException("x"))).orElseThrow());
        assertEquals("SWITCHBOARD_CONFIG: y", StartUpChecks.reason(new IllegalArgumentException("wrapper",
                new ConfigurationError("SWITCHBOARD_CONFIG: y"))).orElseThrow(), "the setting's own message first");
    }

    @Test
    void micronautsStartUpFailureIsThrownOutsideTestsToo() {
        // Micronaut logs a failure with its whole trace and calls System.exit(1) unless the environment is "test".
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environments("local").build()) {
            Environment environment = context.getEnvironment();
            assertFalse(environment.getActiveNames().contains(Environment.TEST));

            ApplicationStartupException e = assertThrows(ApplicationStartupException.class, () -> new NoExitMicronaut()
                    .handleStartupException(environment, new ConfigurationError("SWITCHBOARD_X bad")));

            assertEquals("SWITCHBOARD_X bad", StartUpChecks.reason(e).orElseThrow());
        }
    }
}
