package dev.switchboard.cost;

import dev.switchboard.provider.Usage;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A call to a model billed higher past a prompt length: the whole call at the higher level, as LiteLLM prices it. */
class LongContextCostTest {

    // Round per-million prices: $3/$15 up to 200k input tokens, $6/$22.50 past it; cache reads $0.30 / $0.60,
    // cache writes $3.75 / $7.50.
    private static final ModelPrice LONG_CONTEXT = new ModelPrice(3e-06, 1.5e-05, 3e-07, 3.75e-06, 0, 1_000_000,
            "anthropic", "chat", List.of(new PriceTier(200_000, 6e-06, 2.25e-05, 6e-07, 7.5e-06)));
    private static final PriceTable PRICES = new PriceTable("test", Map.of(
            "long", LONG_CONTEXT,
            "gpt-4o", new ModelPrice(2.5e-06, 1e-05, 1.25e-06, 0, 0, 128_000, "openai", "chat")));

    private final CostCalculator calculator = new CostCalculator(PRICES, "gpt-4o");

    @Test
    void aPromptPastTheThresholdIsPricedWhollyAtTheTierNotOnlyItsExcess() {
        // 300,000 * $6/M + 1,000 * $22.50/M = $1.80 + $0.0225 (at the base prices: $0.90 + $0.015)
        assertEquals(new Cost(1.8225, true), calculator.cost("long", 300_000, 1_000));
    }

    @Test
    void aPromptAtTheThresholdIsStillPricedAtTheBasePrices() {
        // 200,000 * $3/M + 1,000 * $15/M
        assertEquals(new Cost(0.615, true), calculator.cost("long", 200_000, 1_000));
        // One token more and every token costs the tier's price.
        assertEquals(200_001 * 6e-06 + 1_000 * 2.25e-05, calculator.cost("long", 200_001, 1_000).usd(), 1e-12);
    }

    @Test
    void cachedInputCountsTowardsTheThresholdAndIsPricedAtTheTiersCacheReadPrice() {
        // 150,000 fresh + 60,000 cached = 210,000 input: 150,000 * $6/M + 60,000 * $0.60/M + 0 output
        assertEquals(new Cost(0.936, true), calculator.cost("long", new Usage(210_000, 0, 0, 60_000)));
    }

    @Test
    void cacheWritesCountTowardsTheThresholdAndArePricedAtTheTiersCacheCreationPrice() {
        // 150,000 fresh + 100,000 written = 250,000 input: 150,000 * $6/M + 100,000 * $7.50/M
        assertEquals(new Cost(1.65, true), calculator.cost("long", new Usage(250_000, 0, 0, 0, 100_000)));
    }

    @Test
    void theTierIsChosenByTheInputAloneNotByTheOutput() {
        // 100,000 input + 150,000 output: past 200k together, but the input is not.
        assertEquals(100_000 * 3e-06 + 150_000 * 1.5e-05, calculator.cost("long", 100_000, 150_000).usd(), 1e-12);
    }

    @Test
    void theBuiltInTablePricesGeminiFlashPast128kAtItsLongContextPrices() {
        CostCalculator builtIn = new CostCalculator(
                new PriceTableLoader(JsonMapper.createDefault()).load(PriceTableLoader.BUILT_IN),
                "gpt-4o");

        // LiteLLM: $0.075/$0.30 per million up to 128k input tokens, $0.15/$0.60 past it.
        assertEquals(128_000 * 7.5e-08 + 1_000 * 3e-07, builtIn.cost("gemini-1.5-flash", 128_000, 1_000).usd(), 1e-12);
        assertEquals(300_000 * 1.5e-07 + 1_000 * 6e-07, builtIn.cost("gemini-1.5-flash", 300_000, 1_000).usd(), 1e-12);
    }
}
