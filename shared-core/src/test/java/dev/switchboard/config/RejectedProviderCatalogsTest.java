package dev.switchboard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every way a providers file can be wrong, and the message that names the file and the setting. */
class RejectedProviderCatalogsTest {

    private final ProviderCatalogLoader loader = new ProviderCatalogLoader();

    @TempDir
    Path dir;

    private String write(String yaml) {
        return new CatalogFiles(dir).write(yaml);
    }

    private ProviderCatalog load(String yaml) {
        return loader.load(write(yaml));
    }

    /** Asserts the error names the file, then the exact path of the setting, then what is wrong with it. */
    private ConfigurationError assertRejected(String yaml, String path, String problem) {
        String file = write(yaml);
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));
        String prefix = file + ": " + path + " ";
        assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "...' but was: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        return e;
    }

    @Test
    void aBaseUrlWithoutItsSchemeIsRefusedWithoutShowingItsPassword() {
        for (String url : new String[] {"admin:CANARY@llm.corp:8443/v1", "https:/user:CANARY@llm.corp/v1"}) {
            ConfigurationError e = assertRejected("""
                    providers:
                      - {name: proxy, protocol: openai, base-url: "%s", deployments: [{model: m, tier: economy}]}
                    """.formatted(url), "providers[0].base-url", "must be an http(s) URL");

            assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        }
    }

    static Stream<Arguments> invalidCatalogs() {
        return Stream.of(
                arguments("unknown top-level key", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy}]}
                        provider: {}
                        """, "provider", "is not a known setting"),
                arguments("unknown provider key", """
                        providers:
                          - {name: sim, protocol: simulated, colour: red, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].colour", "is not a known setting (expected one of [base-url, deployments, guardrail, max-tokens-field, name, prompt-caching, protocol, simulation])"),
                arguments("unknown deployment key", """
                        providers:
                          - name: sim
                            protocol: simulated
                            deployments:
                              - {model: a, tier: economy}
                              - {modle: b, tier: economy}
                        """, "providers[0].deployments[1].modle", "is not a known setting"),
                arguments("unknown capability", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, capabilities: {video: true}}]}
                        """, "providers[0].deployments[0].capabilities.video", "is not a known setting"),
                arguments("unknown simulation key", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {latency: 5}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.latency", "is not a known setting"),
                arguments("empty guardrail", """
                        providers:
                          - name: aws
                            protocol: bedrock
                            guardrail:
                            deployments: [{model: m, tier: economy}]
                        """, "providers[0].guardrail", "has no value"),
                arguments("empty base-url", """
                        providers:
                          - name: proxy
                            protocol: openai
                            base-url:
                            deployments: [{model: m, tier: economy}]
                        """, "providers[0].base-url", "has no value"),
                arguments("empty rpm", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, rpm: ~}]}
                        """, "providers[0].deployments[0].rpm", "has no value"),
                arguments("failure rate not a number", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {failure-rate: .nan}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.failure-rate", "must be a number between"),
                arguments("no providers key", "other: 1\n", "other", "is not a known setting"),
                arguments("providers empty", "providers: []\n", "providers", "must not be empty"),
                arguments("providers not a list", "providers: {name: sim}\n", "providers", "must be a list"),
                arguments("provider not a mapping", "providers: [sim]\n", "providers[0]", "must be a mapping"),
                arguments("bad protocol", """
                        providers:
                          - {name: sim, protocol: grpc, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].protocol", "must be one of [anthropic, bedrock, gemini, openai, openai-compatible, simulated] (got 'grpc')"),
                arguments("missing protocol", """
                        providers:
                          - {name: sim, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].protocol", "is required"),
                arguments("missing name", """
                        providers:
                          - {name: ok, protocol: simulated, deployments: [{model: m, tier: economy}]}
                          - {protocol: simulated, deployments: [{model: m, tier: economy}]}
                        """, "providers[1].name", "is required"),
                arguments("name with capitals and a space", """
                        providers:
                          - {name: Open AI, protocol: openai, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].name", "must be lower-case letters, digits, '-' or '_' (got 'Open AI')"),
                arguments("name starting with a dash", """
                        providers:
                          - {name: -x, protocol: openai, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].name", "must be lower-case letters"),
                arguments("name not a string", """
                        providers:
                          - {name: [a], protocol: openai, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].name", "must be a non-blank string"),
                arguments("duplicate provider", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy}]}
                          - {name: other, protocol: simulated, deployments: [{model: m, tier: economy}]}
                          - {name: sim, protocol: simulated, deployments: [{model: n, tier: premium}]}
                        """, "providers[2].name", "'sim' is declared twice"),
                arguments("two providers reading one key variable", """
                        providers:
                          - {name: my-ai, protocol: openai, deployments: [{model: m, tier: economy}]}
                          - {name: my_ai, protocol: anthropic, deployments: [{model: n, tier: economy}]}
                        """, "providers[1].name", "'my_ai' takes its key from MY_AI_API_KEY, as 'my-ai' does"),
                arguments("duplicate model", """
                        providers:
                          - name: sim
                            protocol: simulated
                            deployments:
                              - {model: m, tier: economy}
                              - {model: n, tier: standard}
                              - {model: m, tier: premium}
                        """, "providers[0].deployments[2].model", "'m' is declared twice"),
                arguments("bad tier", """
                        providers:
                          - name: sim
                            protocol: simulated
                            deployments:
                              - {model: a, tier: economy}
                              - {model: b, tier: gold}
                        """, "providers[0].deployments[1].tier", "must be one of economy, standard, premium (got 'gold')"),
                arguments("tier in capitals", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: PREMIUM}]}
                        """, "providers[0].deployments[0].tier", "got 'PREMIUM'"),
                arguments("missing model", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{tier: economy}]}
                        """, "providers[0].deployments[0].model", "is required"),
                arguments("missing tier", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m}]}
                        """, "providers[0].deployments[0].tier", "is required"),
                arguments("rpm zero", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, rpm: 0}]}
                        """, "providers[0].deployments[0].rpm", "must be a whole number between 1 and 1000000"),
                arguments("tpm as text", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, tpm: lots}]}
                        """, "providers[0].deployments[0].tpm", "must be a whole number"),
                arguments("capability flag as text", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, capabilities: {tools: maybe}}]}
                        """, "providers[0].deployments[0].capabilities.tools", "must be true or false"),
                arguments("openai-compatible without base-url", """
                        providers:
                          - {name: local, protocol: openai-compatible, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "is required for protocol openai-compatible"),
                arguments("ftp base-url", """
                        providers:
                          - {name: local, protocol: openai-compatible, base-url: "ftp://files.example.com", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must be an http(s) URL (got 'ftp://files.example.com')"),
                arguments("base-url without scheme", """
                        providers:
                          - {name: local, protocol: openai-compatible, base-url: "localhost:11434", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must be an http(s) URL"),
                arguments("base-url without host", """
                        providers:
                          - {name: openai, protocol: openai, base-url: "https:///v1", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must be an http(s) URL"),
                arguments("base-url that is not a URI", """
                        providers:
                          - {name: openai, protocol: openai, base-url: "http://exa mple.com", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must be an http(s) URL"),
                arguments("price without its output half", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, price: {input-per-million: 1}}]}
                        """, "providers[0].deployments[0].price", "needs both input-per-million and output-per-million"),
                arguments("negative price", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy, price: {input-per-million: -1, output-per-million: 1}}]}
                        """, "providers[0].deployments[0].price.input-per-million", "must be a number between 0"),
                arguments("base-url with a password", """
                        providers:
                          - {name: local, protocol: openai-compatible, base-url: "https://user:s3cr3t@proxy.example.com/v1", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must not carry a user or password"),
                arguments("base-url with a key in its query", """
                        providers:
                          - {name: gemini, protocol: gemini, base-url: "https://proxy.example.com/v1beta?alt=json&key=AIzaS3cr3t", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must not carry a key or token in its query"),
                arguments("blank base-url", """
                        providers:
                          - {name: openai, protocol: openai, base-url: " ", deployments: [{model: m, tier: economy}]}
                        """, "providers[0].base-url", "must be a non-blank string"),
                arguments("simulation on a real provider", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: [{model: m, tier: economy}]}
                          - {name: openai, protocol: openai, simulation: {failure-rate: 0.5}, deployments: [{model: m, tier: economy}]}
                        """, "providers[1].simulation", "applies only to protocol simulated"),
                arguments("failure-rate 1.5", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {failure-rate: 1.5}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.failure-rate", "must be a number between 0.0 and 1.0"),
                arguments("negative failure-rate", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {failure-rate: -0.1}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.failure-rate", "must be a number between 0.0 and 1.0"),
                arguments("fractional latency", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {latency-ms: 1.5}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.latency-ms", "must be a whole number between 0 and 60000"),
                arguments("seed beyond a long", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: {seed: 99999999999999999999}, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation.seed", "must be a whole number"),
                arguments("simulation not a mapping", """
                        providers:
                          - {name: sim, protocol: simulated, simulation: fast, deployments: [{model: m, tier: economy}]}
                        """, "providers[0].simulation", "must be a mapping"),
                arguments("empty deployments", """
                        providers:
                          - {name: sim, protocol: simulated, deployments: []}
                        """, "providers[0].deployments", "must not be empty"),
                arguments("missing deployments", """
                        providers:
                          - {name: sim, protocol: simulated}
                        """, "providers[0].deployments", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogs")
    void namesTheFileAndTheExactSettingAtFault(String description, String yaml, String path, String problem) {
        assertRejected(yaml, path, problem);
    }

    @Test
    void aCredentialInTheBaseUrlIsNotRepeatedInTheMessageAndAnApiVersionIsFine() {
        for (String url : new String[] {"https://user:s3cr3t@proxy.example.com/v1",
                "https://p.example.com/v1?api_key=s3cr3t", "https://user:p^s3cr3t@proxy.example.com/v1",
                "https://user:s3cr3t@my_proxy:8080/v1", "https://p.example.com/v1?a%70i-key=s3cr3t",
                "ftp://p.example.com/v1?x=s3cr3t"}) {
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> load("providers:\n"
                    + "  - {name: local, protocol: openai-compatible, base-url: \"" + url + "\", "
                    + "deployments: [{model: m, tier: economy}]}\n"));
            assertTrue(!e.getMessage().contains("s3cr3t"), e.getMessage());
        }
        assertEquals(1, load("providers:\n  - {name: azure, protocol: openai-compatible, base-url: "
                + "\"https://a.example.com/openai/deployments/{model}?api-version=2024-06-01&design=x\", "
                + "deployments: [{model: m, tier: economy}]}\n").providers().size());
    }

    @Test
    void providersThatTakeNoKeyMayShareAKeyVariableName() {
        assertEquals(2, load("""
                providers:
                  - {name: my-sim, protocol: simulated, deployments: [{model: m, tier: economy}]}
                  - {name: my_sim, protocol: simulated, deployments: [{model: n, tier: economy}]}
                """).providers().size());
    }

    @Test
    void acceptsTheBoundsOfTheFailureRate() {
        ProviderCatalog catalog = load("""
                providers:
                  - {name: never, protocol: simulated, simulation: {failure-rate: 0}, deployments: [{model: m, tier: economy}]}
                  - {name: always, protocol: simulated, simulation: {failure-rate: 1.0}, deployments: [{model: m, tier: economy}]}
                """);

        assertEquals(0.0, catalog.provider("never").orElseThrow().simulation().failureRate());
        assertEquals(1.0, catalog.provider("always").orElseThrow().simulation().failureRate());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"providers: [unclosed\n", "providers:\n  - name: a\n   protocol: b\n", "\t- tab\n"})
    void invalidYamlNamesTheFile(String yaml) {
        String file = write(yaml);

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));

        assertTrue(e.getMessage().startsWith(file + ": is not valid YAML"), e.getMessage());
    }

    @Test
    void anEmptyFileNamesTheFile() {
        String file = write("# nothing here\n");

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));

        assertEquals(file + ": is empty; it must list providers", e.getMessage());
    }

    @Test
    void aMissingClasspathResourceNamesIt() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load("classpath:nope.yml"));

        assertTrue(e.getMessage().startsWith("classpath:nope.yml: cannot be read"), e.getMessage());
    }

    @Test
    void yamlTagsThatWouldBuildJavaObjectsAreRefused() {
        String file = write("providers: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));

        assertTrue(e.getMessage().startsWith(file + ": is not valid YAML"), e.getMessage());
    }

    @Test
    void aDuplicateKeyIsRefused() {
        String file = write("""
                providers:
                  - name: sim
                    protocol: simulated
                    deployments: [{model: a, tier: economy}]
                    deployments: [{model: b, tier: premium}]
                """);

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));

        assertTrue(e.getMessage().contains("deployments"), e.getMessage());
    }
}
