package dev.switchboard.config;

import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderCatalogLoaderTest {

    /** One valid simulated provider; cases replace pieces of it. */
    private static final String ONE_PROVIDER = """
            providers:
              - name: sim
                protocol: simulated
                deployments:
                  - {model: small, tier: economy}
            """;

    private final ProviderCatalogLoader loader = new ProviderCatalogLoader();

    @TempDir
    Path dir;

    private String write(String yaml) {
        return new CatalogFiles(dir).write(yaml);
    }

    private ProviderCatalog load(String yaml) {
        return loader.load(write(yaml));
    }

    @Test
    void theBuiltInCatalogListsThreeSimulatedProvidersWithTheirTiers() {
        ProviderCatalog catalog = loader.load(ProviderCatalogLoader.BUILT_IN);

        assertEquals(ProviderCatalogLoader.BUILT_IN, catalog.source());
        assertEquals(List.of("gemini", "openai", "anthropic"), catalog.providers().stream().map(ProviderConfig::name).toList());
        catalog.providers().forEach(p -> {
            assertEquals("simulated", p.protocol());
            assertNull(p.baseUrl());
            assertEquals(0.1, p.simulation().failureRate());
        });
        assertEquals(List.of("gpt-4o-mini:ECONOMY", "gpt-4o:PREMIUM"), deployments(catalog, "openai"));
        assertEquals(List.of("claude-3-5-haiku-20241022:STANDARD", "claude-3-5-sonnet-20241022:PREMIUM"),
                deployments(catalog, "anthropic"));
        assertEquals(List.of("gemini-1.5-flash:ECONOMY"), deployments(catalog, "gemini"));
    }

    @Test
    void theBuiltInCatalogReadsSimulationLimitsAndCapabilities() {
        ProviderConfig gemini = loader.load(ProviderCatalogLoader.BUILT_IN).provider("gemini").orElseThrow();

        assertEquals(new SimulationConfig(120, 0.1, 42), gemini.simulation());
        assertEquals(new DeploymentConfig("gemini-1.5-flash", Tier.ECONOMY, 2000, 4_000_000,
                new Capabilities(1_048_576, true, true, true, 0, true, true, false, true)), gemini.deployments().get(0));
    }

    @Test
    void jsonOutputIsOffUnlessSaidAndEveryProtocolMaySayIt() {
        ProviderCatalog catalog = load("""
                providers:
                  - name: local
                    protocol: openai-compatible
                    base-url: http://127.0.0.1:11434/v1
                    deployments: [{model: a, tier: economy, capabilities: {json: true}}, {model: b, tier: economy}]
                """);
        assertTrue(catalog.provider("local").orElseThrow().deployments().get(0).capabilities().json());
        assertFalse(catalog.provider("local").orElseThrow().deployments().get(1).capabilities().json());

        for (String protocol : new String[]{"anthropic", "bedrock"}) {
            ProviderCatalog structured = load("""
                    providers:
                      - name: p
                        protocol: %s
                        deployments: [{model: claude-sonnet-4-5, tier: premium, capabilities: {json: true}}]
                    """.formatted(protocol));
            assertTrue(structured.provider("p").orElseThrow().deployments().get(0).capabilities().json(), protocol);
        }
    }

    @Test
    void audioIsForProtocolsWhoseWireCarriesIt() {
        ProviderCatalog gemini = load("""
                providers:
                  - name: g
                    protocol: gemini
                    deployments: [{model: gemini-2.5-flash, tier: economy, capabilities: {audio: true}}]
                """);
        assertTrue(gemini.provider("g").orElseThrow().deployments().get(0).capabilities().audio());
        for (String protocol : new String[]{"anthropic", "bedrock"}) {
            String yaml = """
                    providers:
                      - name: p
                        protocol: %s
                        deployments: [{model: a, tier: premium, capabilities: {audio: true}}]
                    """.formatted(protocol);
            ConfigurationError refused = assertThrows(ConfigurationError.class, () -> load(yaml), protocol);
            assertTrue(refused.getMessage().contains("capabilities.audio"), refused.getMessage());
            assertTrue(refused.getMessage().contains("cannot be sent audio"), refused.getMessage());
        }
    }

    @Test
    void aReasoningEffortIsForProtocolsThatPassItOn() {
        for (String protocol : new String[]{"openai", "openai-compatible", "gemini", "anthropic", "simulated"}) {
            ProviderCatalog catalog = load("""
                    providers:
                      - name: p
                        protocol: %s
                        base-url: http://127.0.0.1:9/v1
                        deployments: [{model: m, tier: premium, capabilities: {reasoning: true}}, {model: n, tier: economy}]
                    """.formatted(protocol));
            assertTrue(catalog.provider("p").orElseThrow().deployments().get(0).capabilities().reasoning(), protocol);
            assertFalse(catalog.provider("p").orElseThrow().deployments().get(1).capabilities().reasoning(), protocol);
        }
        ProviderCatalog claude = load("""
                providers:
                  - name: p
                    protocol: bedrock
                    deployments: [{model: us.anthropic.claude-sonnet-4-5-v1:0, tier: premium, capabilities: {reasoning: true}}]
                """);
        assertTrue(claude.provider("p").orElseThrow().deployments().get(0).capabilities().reasoning());
        ConfigurationError refused = assertThrows(ConfigurationError.class, () -> load("""
                providers:
                  - name: p
                    protocol: bedrock
                    deployments: [{model: amazon.nova-pro-v1:0, tier: premium, capabilities: {reasoning: true}}]
                """));
        assertTrue(refused.getMessage().contains("providers[0].deployments[0].capabilities.reasoning"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("Claude's models only"), refused.getMessage());
    }

    @Test
    void promptCachingIsOffUnlessSaidAndOnlyForProtocolsWhoseCachesNeedMarks() {
        for (String protocol : new String[]{"anthropic", "bedrock"}) {
            ProviderCatalog catalog = load("""
                    providers:
                      - name: p
                        protocol: %s
                        prompt-caching: true
                        deployments: [{model: anthropic.claude-sonnet-4-5, tier: premium}]
                      - name: q
                        protocol: %s
                        deployments: [{model: anthropic.claude-haiku-4-5, tier: economy}]
                    """.formatted(protocol, protocol));
            assertTrue(catalog.provider("p").orElseThrow().promptCaching(), protocol);
            assertFalse(catalog.provider("q").orElseThrow().promptCaching(), protocol);
        }
        ConfigurationError refused = assertThrows(ConfigurationError.class, () -> load("""
                providers:
                  - name: p
                    protocol: openai
                    prompt-caching: true
                    deployments: [{model: gpt-4o, tier: premium}]
                """));
        assertTrue(refused.getMessage().contains("providers[0].prompt-caching"), refused.getMessage());
        assertTrue(refused.getMessage().contains("anthropic and bedrock"), refused.getMessage());
    }

    @Test
    void aGuardrailIsABedrockProvidersIdAndVersion() {
        ProviderCatalog catalog = load("""
                providers:
                  - name: numbered
                    protocol: bedrock
                    guardrail: {id: gr7x2k9q4m1p, version: 3}
                    deployments: [{model: amazon.nova-lite-v1:0, tier: economy}]
                  - name: draft
                    protocol: bedrock
                    guardrail: {id: "arn:aws:bedrock:eu-west-1:123456789012:guardrail/gr7x2k9q4m1p", version: DRAFT}
                    deployments: [{model: amazon.nova-pro-v1:0, tier: standard}]
                  - name: open
                    protocol: bedrock
                    deployments: [{model: amazon.nova-micro-v1:0, tier: economy}]
                """);
        assertEquals(new BedrockGuardrail("gr7x2k9q4m1p", "3"), catalog.provider("numbered").orElseThrow().guardrail());
        assertEquals("DRAFT", catalog.provider("draft").orElseThrow().guardrail().version());
        assertEquals("gr7x2k9q4m1p:DRAFT", catalog.provider("draft").orElseThrow().guardrail().shown(),
                "shown without the ARN's account number");
        assertNull(catalog.provider("open").orElseThrow().guardrail());
        for (String[] refused : new String[][] {
                {"protocol: anthropic", "guardrail: {id: gr7x2k9q4m1p, version: 1}", "providers[0].guardrail"},
                {"protocol: bedrock", "guardrail: {id: My-Guardrail, version: 1}", "providers[0].guardrail.id"},
                {"protocol: bedrock", "guardrail: {id: gr7x2k9q4m1p, version: 0}", "providers[0].guardrail.version"},
                {"protocol: bedrock", "guardrail: {id: gr7x2k9q4m1p}", "providers[0].guardrail.version"},
                {"protocol: bedrock", "guardrail: {id: gr7x2k9q4m1p, version: 1, trace: true}", "providers[0].guardrail.trace"}}) {
            String yaml = "providers:\n  - name: p\n    " + refused[0] + "\n    " + refused[1]
                    + "\n    deployments: [{model: m, tier: economy}]\n";
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> load(yaml), yaml);
            assertTrue(e.getMessage().contains(refused[2]), e.getMessage());
        }
    }

    @Test
    void aCompatibleServerMayTakeItsBudgetInMaxCompletionTokensAndOnlyACompatibleServerIsSoConfigured() {
        ProviderCatalog catalog = load("""
                providers:
                  - name: azure-reasoning
                    protocol: openai-compatible
                    base-url: "https://r.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21"
                    max-tokens-field: max_completion_tokens
                    deployments: [{model: o4-mini, tier: premium}]
                  - name: local
                    protocol: openai-compatible
                    base-url: http://127.0.0.1:11434/v1
                    deployments: [{model: llama3, tier: economy}]
                """);
        assertEquals("max_completion_tokens", catalog.provider("azure-reasoning").orElseThrow().maxTokensField());
        assertNull(catalog.provider("local").orElseThrow().maxTokensField(), "the protocol's own: max_tokens");
        for (String[] refused : new String[][] {
                {"protocol: openai", "max-tokens-field: max_tokens", "applies only to protocol openai-compatible"},
                {"protocol: openai-compatible\n    base-url: http://127.0.0.1:8000/v1", "max-tokens-field: max_output_tokens",
                        "must be one of [max_completion_tokens, max_tokens]"}}) {
            String yaml = "providers:\n  - name: p\n    " + refused[0] + "\n    " + refused[1]
                    + "\n    deployments: [{model: m, tier: economy}]\n";
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> load(yaml), yaml);
            assertTrue(e.getMessage().contains("providers[0].max-tokens-field"), e.getMessage());
            assertTrue(e.getMessage().contains(refused[2]), e.getMessage());
        }
    }

    private static List<String> deployments(ProviderCatalog catalog, String provider) {
        return catalog.provider(provider).orElseThrow().deployments().stream()
                .map(d -> d.model() + ":" + d.tier()).toList();
    }

    @Test
    void appliesDefaultsForOptionalSettings() {
        ProviderConfig sim = load(ONE_PROVIDER).provider("sim").orElseThrow();

        assertEquals(SimulationConfig.DEFAULTS, sim.simulation());
        assertEquals(new DeploymentConfig("small", Tier.ECONOMY, 60, 100_000, Capabilities.DEFAULTS),
                sim.deployments().get(0));
        assertEquals("SIM_API_KEY", sim.apiKeyVariable());
    }

    @Test
    void readsARealProviderWithALocalBaseUrl() {
        ProviderCatalog catalog = load("""
                providers:
                  - name: local-llm
                    protocol: openai-compatible
                    base-url: http://127.0.0.1:11434/v1
                    deployments:
                      - model: llama3
                        tier: standard
                        rpm: 10
                        tpm: 5000
                        capabilities: {context-length: 4096, tools: false, vision: false, streaming: false,
                                       max-output-tokens: 2048}
                  - name: openai
                    protocol: openai
                    deployments: [{model: gpt-4o, tier: premium}]
                """);

        ProviderConfig local = catalog.provider("local-llm").orElseThrow();
        assertEquals("http://127.0.0.1:11434/v1", local.baseUrl());
        assertNull(local.simulation());
        assertEquals("LOCAL_LLM_API_KEY", local.apiKeyVariable());
        assertEquals(new DeploymentConfig("llama3", Tier.STANDARD, 10, 5000,
                new Capabilities(4096, false, false, false, 2048)), local.deployments().get(0));
        assertEquals(0, catalog.provider("openai").orElseThrow().deployments().get(0).capabilities().maxOutputTokens(),
                "not given: the price table's, if it has one");
        assertNull(catalog.provider("openai").orElseThrow().baseUrl());
        assertTrue(catalog.provider("missing").isEmpty());
    }

    @Test
    void theSameModelMayBeServedByTwoProviders() {
        ProviderCatalog catalog = load("""
                providers:
                  - {name: a, protocol: simulated, deployments: [{model: m, tier: economy}]}
                  - {name: b, protocol: simulated, deployments: [{model: m, tier: economy}]}
                """);

        assertEquals(2, catalog.providers().size());
    }

    @Test
    void readsADeploymentsPriorityAndRefusesOneOutOfRange() {
        String ok = write("""
                providers:
                  - name: sim
                    protocol: simulated
                    deployments: [{model: a, tier: economy, priority: 9}, {model: b, tier: premium}]
                """);
        String bad = write("""
                providers:
                  - name: sim
                    protocol: simulated
                    deployments: [{model: a, tier: economy, priority: 11}]
                """);

        ProviderCatalog catalog = loader.load(ok);
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(bad));

        assertEquals(9, catalog.providers().get(0).deployments().get(0).priority());
        assertEquals(DeploymentConfig.DEFAULT_PRIORITY, catalog.providers().get(0).deployments().get(1).priority());
        assertTrue(e.getMessage().startsWith(bad + ": providers[0].deployments[0].priority must be a whole number "
                + "between 0 and 10"), e.getMessage());
    }
}
