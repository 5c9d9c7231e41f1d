package dev.switchboard.cost;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which price level a request pays, by the input tokens it sends. */
class ModelPriceTest {

    private static final PriceTier ABOVE_128K = new PriceTier(128_000, 2e-06, 6e-06, 0.0, 0.0);
    private static final PriceTier ABOVE_200K = new PriceTier(200_000, 4e-06, 8e-06, 4e-07, 5e-06);
    private static final ModelPrice TIERED = new ModelPrice(1e-06, 4e-06, 1e-07, 1.25e-06, 9e-06, 1_000_000,
            "test", "chat", List.of(ABOVE_128K, ABOVE_200K));

    @Test
    void upToAndAtTheLowestThresholdTheBasePricesApply() {
        assertSame(TIERED, TIERED.forInputTokens(0));
        assertSame(TIERED, TIERED.forInputTokens(128_000));
    }

    @Test
    void pastAThresholdEveryPriceOfItsTierApplies() {
        assertEquals(new ModelPrice(4e-06, 8e-06, 4e-07, 5e-06, 9e-06, 1_000_000, "test", "chat"),
                TIERED.forInputTokens(200_001));
    }

    @Test
    void theHighestThresholdPassedWinsAndPricesItLeavesOutAreTheBaseOnes() {
        // Past 128k but not 200k: the 128k tier, whose cache prices are not given.
        assertEquals(new ModelPrice(2e-06, 6e-06, 1e-07, 1.25e-06, 9e-06, 1_000_000, "test", "chat"),
                TIERED.forInputTokens(200_000));
    }

    @Test
    void tiersAreOrderedHighestFirstWhateverOrderTheyCameIn() {
        ModelPrice reversed = new ModelPrice(1e-06, 4e-06, 1e-07, 1.25e-06, 9e-06, 1_000_000, "test", "chat",
                List.of(ABOVE_200K, ABOVE_128K));

        assertEquals(TIERED, reversed);
        assertEquals(List.of(ABOVE_200K, ABOVE_128K), TIERED.tiers());
    }

    @Test
    void aModelWithoutTiersPaysItsBasePricesAtAnyLength() {
        ModelPrice flat = new ModelPrice(1e-06, 4e-06, 0, 0, 0, 0, "test", "chat");

        assertEquals(List.of(), flat.tiers());
        assertSame(flat, flat.forInputTokens(Integer.MAX_VALUE));
        assertEquals(flat, new ModelPrice(1e-06, 4e-06, 0, 0, 0, 0, "test", "chat", null));
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PriceTier(-1, 1e-06, 0, 0, 0));
    }
}
