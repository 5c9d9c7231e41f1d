package dev.switchboard.cost;

import dev.switchboard.provider.Usage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Costing a provider's full usage: cached input, cache writes and reasoning tokens at their own prices where given. */
class UsageCostTest {

    // Round per-million prices, so the expected sums can be checked by hand.
    private static final PriceTable PRICES = new PriceTable("test", Map.of(
            "cached", new ModelPrice(2e-06, 8e-06, 5e-07, 0, 0, 0, "openai", "chat"),
            "reasoning", new ModelPrice(1e-06, 4e-06, 0, 0, 1e-05, 0, "gemini", "chat"),
            "plain", new ModelPrice(3e-06, 1.5e-05, 0, 0, 0, 0, "test", "chat"),
            "cache-writes", new ModelPrice(3e-06, 1.5e-05, 3e-07, 3.75e-06, 0, 0, "anthropic", "chat"),
            "gpt-4o", new ModelPrice(2.5e-06, 1e-05, 1.25e-06, 0, 0, 128_000, "openai", "chat"),
            "audio", new ModelPrice(2.5e-06, 1e-05, 1.25e-06, 0, 0, 128_000, "openai", "chat", java.util.List.of(), 0,
                    4e-05)));

    private final CostCalculator calculator = new CostCalculator(PRICES, "gpt-4o");

    @Test
    void cachedInputIsPricedAtTheCacheReadPriceAndTheRestAtTheInputPrice() {
        // 1,000,000 input of which 400,000 cached: 600,000 * $2/M + 400,000 * $0.50/M = $1.20 + $0.20
        Cost cost = calculator.cost("cached", new Usage(1_000_000, 0, 0, 400_000));

        assertEquals(new Cost(1.4, true), cost);
    }

    @Test
    void audioInputIsPricedAtTheAudioPriceAndTheRestAtTheTextOnes() {
        // 1,000 in, 900 of them audio, 100 cached text: 900 * $40/M + 100 * $1.25/M + 0 fresh text + 10 * $10/M out.
        assertEquals(new Cost(0.036225, true), calculator.cost("audio", new Usage(1000, 10, 0, 100, 0, 900)));
        // A model without an audio price bills audio as text.
        assertEquals(calculator.cost("gpt-4o", new Usage(1000, 10, 0, 100)),
                calculator.cost("gpt-4o", new Usage(1000, 10, 0, 100, 0, 900)));
    }

    @Test
    void cacheWritesArePricedAtTheCacheCreationPriceAndAreNotAlsoPlainInput() {
        // 1,000,000 input of which 400,000 written to the cache: 600,000 * $3/M + 400,000 * $3.75/M
        assertEquals(new Cost(3.3, true), calculator.cost("cache-writes", new Usage(1_000_000, 0, 0, 0, 400_000)));
    }

    @Test
    void cacheReadsWritesAndFreshInputEachHaveTheirOwnPrice() {
        // 200,000 fresh * $3/M + 500,000 read * $0.30/M + 300,000 written * $3.75/M = $0.60 + $0.15 + $1.125
        assertEquals(new Cost(1.875, true),
                calculator.cost("cache-writes", new Usage(1_000_000, 0, 0, 500_000, 300_000)));
    }

    @Test
    void withoutACacheCreationPriceCacheWritesCostAsPlainInput() {
        assertEquals(calculator.cost("plain", 1_000_000, 1_000_000),
                calculator.cost("plain", new Usage(1_000_000, 1_000_000, 0, 0, 400_000)));
        // The baseline model has a cache-read price but none for writes.
        assertEquals(calculator.baselineCost(2_000, 800), calculator.baselineCost(new Usage(2_000, 800, 0, 0, 1_500)));
    }

    @Test
    void reasoningIsPricedAtTheReasoningPriceAndIsPartOfTheOutputNotAddedToIt() {
        // 1,000,000 output of which 250,000 reasoning: 750,000 * $4/M + 250,000 * $10/M = $3 + $2.50
        Cost cost = calculator.cost("reasoning", new Usage(0, 1_000_000, 250_000, 0));

        assertEquals(new Cost(5.5, true), cost);
    }

    @Test
    void withoutCacheOrReasoningPricesThosePartsCostAsPlainInputAndOutput() {
        Usage usage = new Usage(1_000_000, 1_000_000, 300_000, 200_000);

        assertEquals(new Cost(18.0, true), calculator.cost("plain", usage));
        assertEquals(calculator.cost("plain", 1_000_000, 1_000_000), calculator.cost("plain", usage));
    }

    @Test
    void allPartsTogether() {
        // input: 1,500 fresh * $2.5/M + 500 cached * $1.25/M; output: 800 * $10/M (no reasoning price)
        Cost cost = calculator.cost("gpt-4o", new Usage(2_000, 800, 300, 500));

        assertEquals(1_500 * 2.5e-06 + 500 * 1.25e-06 + 800 * 1e-05, cost.usd(), 1e-12);
        assertEquals(0.0123750000, cost.usd());
    }

    @Test
    void plainUsageCostsExactlyWhatInputAndOutputTokensCost() {
        for (int[] tokens : new int[][] {{1000, 500}, {0, 0}, {7, 3}, {123_457, 98_765}}) {
            assertEquals(calculator.cost("gpt-4o", tokens[0], tokens[1]),
                    calculator.cost("gpt-4o", new Usage(tokens[0], tokens[1])));
        }
        assertEquals(new Cost(0.0075, true), calculator.cost("gpt-4o", 1000, 500));
    }

    @Test
    void anUnpricedModelStaysUnpricedWhateverItsUsage() {
        Cost cost = calculator.cost("llama3-local", new Usage(1_000, 500, 100, 400));

        assertFalse(cost.priced());
        assertEquals(Cost.unpriced(), cost);
    }

    @Test
    void theBaselinePricesTheSameFullUsage() {
        Usage usage = new Usage(2_000, 800, 300, 500);

        assertEquals(calculator.cost("gpt-4o", usage), calculator.baselineCost(usage));
        assertTrue(calculator.baselineCost(usage).usd() < calculator.baselineCost(2_000, 800).usd(),
                "cache hits make the baseline cheaper too");
        assertFalse(new CostCalculator(PRICES, "unknown").baselineCost(usage).priced());
    }

    @Test
    void refusesNoUsage() {
        assertThrows(NullPointerException.class, () -> calculator.cost("gpt-4o", (Usage) null));
    }
}
