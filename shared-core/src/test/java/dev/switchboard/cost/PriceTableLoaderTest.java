package dev.switchboard.cost;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceTableLoaderTest {

    private static final String LITELLM_SAMPLE = "classpath:fixtures/prices/litellm-sample.json";

    private final PriceTableLoader loader = new PriceTableLoader(JsonMapper.createDefault());

    @TempDir
    Path dir;

    @Test
    void theBuiltInTablePricesEveryBuiltInModel() {
        PriceTable table = loader.load(PriceTableLoader.BUILT_IN);

        assertEquals(PriceTableLoader.BUILT_IN, table.source());
        assertEquals(5, table.size());
        for (String model : new String[] {"gemini-1.5-flash", "gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022",
                "claude-3-5-sonnet-20241022"}) {
            ModelPrice price = table.price(model).orElseThrow(() -> new AssertionError(model + " is not priced"));
            assertTrue(price.inputCostPerToken() > 0 && price.outputCostPerToken() > price.inputCostPerToken(), model);
            assertEquals("chat", price.mode(), model);
        }
    }

    @Test
    void theBuiltInTableReadsAllFieldsOfAnEntry() {
        ModelPrice haiku = loader.load(PriceTableLoader.BUILT_IN).price("claude-3-5-haiku-20241022").orElseThrow();

        assertEquals(new ModelPrice(8e-07, 4e-06, 8e-08, 1e-06, 0.0, 200_000, "anthropic", "chat", List.of(), 8_192),
                haiku);
    }

    @Test
    void readsLiteLlmChatEntriesWithCacheReasoningAndAudioPrices() {
        PriceTable table = loader.load(LITELLM_SAMPLE);

        assertEquals(new ModelPrice(1.5e-07, 6e-07, 7.5e-08, 0.0, 0.0, 128_000, "openai", "chat", List.of(), 16_384),
                table.price("gpt-4o-mini").orElseThrow(), "max_output_tokens read too");
        assertEquals(new ModelPrice(3e-06, 1.5e-05, 3e-07, 3.75e-06, 0.0, 200_000, "anthropic", "chat", List.of(),
                8_192), table.price("claude-3-5-sonnet-20241022").orElseThrow());
        assertEquals(new ModelPrice(3e-07, 2.5e-06, 0.0, 0.0, 2.5e-06, 1_048_576, "gemini", "chat", List.of(), 65_535,
                1e-06), table.price("gemini/gemini-2.5-flash").orElseThrow(), "audio input at $1 a million");
    }

    @Test
    void readsTheLongContextPricesOfEachThreshold() {
        PriceTable table = loader.load(LITELLM_SAMPLE);

        assertEquals(List.of(new PriceTier(200_000, 6e-06, 2.25e-05, 6e-07, 7.5e-06)),
                table.price("claude-sonnet-4-20250514").orElseThrow().tiers());
        // Prices a tier leaves out are 0, "not given", like the base entry's.
        assertEquals(List.of(new PriceTier(128_000, 7e-06, 2.1e-05, 0.0, 0.0)),
                table.price("gemini/gemini-1.5-pro").orElseThrow().tiers());
    }

    @Test
    void tiersAreKeptHighestThresholdFirstAndAThresholdMayBeInTokens() {
        assertEquals(List.of(new PriceTier(200_000, 3e-06, 0.0, 0.0, 0.0),
                        new PriceTier(128_000, 1.5e-06, 2.5e-06, 0.0, 0.0),
                        new PriceTier(512, 1.1e-06, 0.0, 0.0, 0.0)),
                loader.load(LITELLM_SAMPLE).price("two-tiers").orElseThrow().tiers());
    }

    @Test
    void onlyAnInputPriceAboveAThresholdOpensATier() {
        // An output price alone, a service tier's variant and a price written as text open none.
        ModelPrice price = loader.load(LITELLM_SAMPLE).price("tier-without-input-price").orElseThrow();

        assertEquals(new ModelPrice(1e-06, 2e-06, 0.0, 0.0, 0.0, 0, "example", "chat"), price);
        assertEquals(List.of(), price.tiers());
    }

    @Test
    void keepsEmbeddingModelsThatHaveBothTokenPrices() {
        ModelPrice embedding = loader.load(LITELLM_SAMPLE).price("text-embedding-3-small").orElseThrow();

        assertEquals(2e-08, embedding.inputCostPerToken());
        assertEquals(0.0, embedding.outputCostPerToken());
        assertEquals("embedding", embedding.mode());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dall-e-3", "tts-1", "whisper-1", "input-price-only", "prices-as-text", "not-in-the-file"})
    void entriesWithoutBothTokenPricesAreLeftUnpriced(String model) {
        assertTrue(loader.load(LITELLM_SAMPLE).price(model).isEmpty(), model);
    }

    @Test
    void sampleSpecIsNotAModel() {
        assertTrue(loader.load(LITELLM_SAMPLE).price("sample_spec").isEmpty());
    }

    @Test
    void loadsAFileFromThePathItIsGiven() throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"my-model\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06}}");

        PriceTable table = loader.load(file.toString());

        assertEquals(file.toString(), table.source());
        assertEquals(new ModelPrice(1e-06, 2e-06, 0.0, 0.0, 0.0, 0, null, null), table.price("my-model").orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{not json", "[]", "\"prices\"", ""})
    void aFileThatIsNotAJsonObjectIsRefusedNamingIt(String content) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loader.load(file.toString()));

        assertTrue(e.getMessage().contains("price file " + file), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "input_cost_per_token | \"input_cost_per_token\": -1e-06, \"output_cost_per_token\": 2e-06",
            "cache_read_input_token_cost | \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,"
                    + " \"cache_read_input_token_cost\": -1e-07",
            "output_cost_per_token_above_200k_tokens | \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,"
                    + " \"output_cost_per_token_above_200k_tokens\": -4e-06"})
    void aNegativePriceIsRefusedNamingTheFileModelAndField(String field, String fields) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"ok\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06},"
                + " \"my-model\": {" + fields + "}}");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loader.load(file.toString()));

        assertTrue(e.getMessage().startsWith("price file " + file + ": my-model's " + field + " must be"),
                e.getMessage());
    }

    @Test
    void aPriceThatLooksPerMillionIsTakenAsGiven() throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"typo\": {\"input_cost_per_token\": 2.5, \"output_cost_per_token\": 1e-05}}");

        assertEquals(2.5, loader.load(file.toString()).price("typo").orElseThrow().inputCostPerToken());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        String missing = dir.resolve("missing.json").toString();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loader.load(missing));

        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertThrows(IllegalStateException.class, () -> loader.load("classpath:prices/missing.json"));
    }
}
