package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CandidateTest {

    @Test
    void requiresProviderModelAndTier() {
        assertThrows(NullPointerException.class, () -> new Candidate(null, "m", Tier.ECONOMY, 0, 0, true));
        assertThrows(NullPointerException.class, () -> new Candidate("p", null, Tier.ECONOMY, 0, 0, true));
        assertThrows(NullPointerException.class, () -> new Candidate("p", "m", null, 0, 0, true));
    }

    @Test
    void refusesNegativePrices() {
        assertThrows(IllegalArgumentException.class, () -> new Candidate("p", "m", Tier.ECONOMY, -1e-9, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Candidate("p", "m", Tier.ECONOMY, 0, -1e-9, true));
    }

    @Test
    void acceptsZeroPricesForAnUnpricedModel() {
        Candidate unpriced = new Candidate("local", "llama3", Tier.ECONOMY, 0, 0, false);

        assertEquals(0.0, unpriced.costUpperBound(500, 500));
    }

    @Test
    void costUpperBoundChargesEveryPromptTokenAndTheWholeAnswerBudget() {
        Candidate gpt4o = RoutingFixtures.candidate("openai", "gpt-4o", Tier.PREMIUM, 2.5e-6, 1e-5);

        assertEquals(1000 * 2.5e-6 + 500 * 1e-5, gpt4o.costUpperBound(1000, 500), 1e-15);
        assertEquals(0.0, gpt4o.costUpperBound(0, 0));
    }

    @Test
    void labelIsProviderSlashModel() {
        assertEquals("openai/gpt-4o", RoutingFixtures.candidate("openai", "gpt-4o", Tier.PREMIUM, 0, 0).label());
    }

    @Test
    void unitPriceAddsInputAndOutputPrice() {
        assertEquals(3e-6, RoutingFixtures.candidate("p", "m", Tier.ECONOMY, 1e-6, 2e-6).unitPrice(), 1e-18);
    }
}
