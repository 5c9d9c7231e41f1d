package dev.switchboard.service;

import dev.switchboard.routing.Capabilities;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.cost.PriceTableLoader;
import io.micronaut.json.JsonMapper;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Tier;
import dev.switchboard.routing.scoring.DeploymentSignals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateCatalogTest {

    private static final PriceTable PRICES = new PriceTable("test",
            Map.of("known", new ModelPrice(1e-6, 2e-6, 0, 0, 0, 8000, "test", "chat")));

    @Test
    void aLongPromptsCeilingIsAtTheLongContextPricesSoMaxCostHoldsPastTheThreshold() {
        PriceTable builtIn = new PriceTableLoader(JsonMapper.createDefault()).load(PriceTableLoader.BUILT_IN);
        ProviderCatalog catalog = new ProviderCatalog("test", List.of(new ProviderConfig("gemini", "simulated", null,
                List.of(new DeploymentConfig("gemini-1.5-flash", Tier.ECONOMY, 10, 10_000_000,
                        new Capabilities(1_048_576, true, true, true))), SimulationConfig.DEFAULTS)));

        Candidate flash = new CandidateCatalog(catalog, builtIn).all().get(0);

        // 150k input past the 128k threshold: $0.15 and $0.60 a million, not the base $0.075 and $0.30.
        assertEquals(0.0231, flash.costUpperBound(150_000, 1000), 1e-12);
        assertEquals(0.0099, flash.costUpperBound(128_000, 1000), 1e-12, "at the threshold: the base prices");
    }

    @Test
    void theCeilingPricesAPromptAsACacheWriteWhereItsProviderMarksPromptsAndAnAnswerAsReasoning() {
        PriceTable prices = new PriceTable("test", Map.of("thinker", new ModelPrice(3e-6, 6e-7, 3e-7, 3.75e-6, 3.5e-6,
                1_000_000, "test", "chat", List.of(new dev.switchboard.cost.PriceTier(200_000, 6e-6, 0, 0, 7.5e-6)))));
        List<DeploymentConfig> thinker = List.of(new DeploymentConfig("thinker", Tier.ECONOMY, 10, 10_000_000,
                new Capabilities(1_000_000, true, true, true)));
        ProviderCatalog catalog = new ProviderCatalog("test", List.of(
                new ProviderConfig("caching", "simulated", null, thinker, SimulationConfig.DEFAULTS, true, null),
                new ProviderConfig("plain", "simulated", null, thinker, SimulationConfig.DEFAULTS)));

        List<Candidate> all = new CandidateCatalog(catalog, prices).all();
        Candidate caching = all.get(0);
        Candidate plain = all.get(1);

        assertEquals(3e-6, caching.inputCostPerToken(), "the list price still ranks it");
        // 100k written to the cache at $3.75 a million, 4,000 thought at $3.50: not 100k x $3 + 4,000 x $0.60.
        assertEquals(0.389, caching.costUpperBound(100_000, 4000), 1e-12);
        // Past 200k the tier's cache-write price, $7.50, and the reasoning price, which has no tiers.
        assertEquals(1.5140075, caching.costUpperBound(200_001, 4000), 1e-12);
        // A provider that marks no prompt for its cache writes none: the plain input price.
        assertEquals(0.314, plain.costUpperBound(100_000, 4000), 1e-12);
    }

    @Test
    void aPromptCarryingAudioIsCeiledAtTheAudioPriceWhereThatIsDearer() {
        PriceTable prices = new PriceTable("test", Map.of("listener", new ModelPrice(2.5e-6, 1e-5, 0, 0, 0, 128_000,
                "openai", "chat", List.of(), 0, 4e-5)));
        ProviderCatalog catalog = new ProviderCatalog("test", List.of(new ProviderConfig("openai", "simulated", null,
                List.of(new DeploymentConfig("listener", Tier.ECONOMY, 10, 1_000_000,
                        new Capabilities(128_000, true, true, true))), SimulationConfig.DEFAULTS)));

        Candidate listener = new CandidateCatalog(catalog, prices).all().get(0);

        assertEquals(0.0125, listener.costUpperBound(1000, 1000), 1e-12, "text: $2.50 in, $10 out a million");
        assertEquals(0.05, listener.costUpperBound(1000, 1000, true), 1e-12, "audio: $40 in a million");
    }

    @Test
    void aModelsLongestAnswerIsTheProvidersFilesElseThePriceTables() {
        PriceTable prices = new PriceTable("test", Map.of(
                "listed", new ModelPrice(1e-6, 2e-6, 0, 0, 0, 8000, "test", "chat", List.of(), 16_384),
                "overridden", new ModelPrice(1e-6, 2e-6, 0, 0, 0, 8000, "test", "chat", List.of(), 16_384)));
        ProviderCatalog catalog = new ProviderCatalog("test", List.of(new ProviderConfig("p", "simulated", null, List.of(
                new DeploymentConfig("listed", Tier.ECONOMY, 10, 1000, new Capabilities(8000, false, false, true)),
                new DeploymentConfig("overridden", Tier.ECONOMY, 10, 1000, new Capabilities(8000, false, false, true, 4096)),
                new DeploymentConfig("unknown", Tier.ECONOMY, 10, 1000, new Capabilities(8000, false, false, true))),
                SimulationConfig.DEFAULTS)));

        List<Candidate> all = new CandidateCatalog(catalog, prices).all();

        assertEquals(16_384, all.get(0).capabilities().maxOutputTokens(), "the price table's max_output_tokens");
        assertEquals(4_096, all.get(1).capabilities().maxOutputTokens(), "the providers file wins");
        assertEquals(0, all.get(2).capabilities().maxOutputTokens(), "unknown");
    }

    @Test
    void pricesCandidatesAndCarriesWhatConfigurationSaysForScoring() {
        ProviderCatalog catalog = new ProviderCatalog("test", List.of(new ProviderConfig("p", "simulated", null, List.of(
                new DeploymentConfig("known", Tier.ECONOMY, 10, 1000, new Capabilities(200_000, true, false, true), 9),
                new DeploymentConfig("mystery", Tier.PREMIUM, 10, 1000, new Capabilities(8000, false, false, false))),
                SimulationConfig.DEFAULTS)));

        CandidateCatalog candidates = new CandidateCatalog(catalog, PRICES);

        Candidate known = candidates.all().get(0);
        assertTrue(known.priced());
        assertEquals(1e-6, known.inputCostPerToken());
        assertFalse(candidates.all().get(1).priced());
        DeploymentSignals knownSignals = candidates.signals().get("p/known");
        assertEquals(9, knownSignals.priority());
        assertEquals(3, knownSignals.capabilities(), "tools, streaming and a 200k context");
        assertNull(knownSignals.successRate(), "nothing is measured yet");
        assertEquals(DeploymentConfig.DEFAULT_PRIORITY, candidates.signals().get("p/mystery").priority());
        assertEquals(0, candidates.signals().get("p/mystery").capabilities());
    }
}
