package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.unpriced;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TierRankingTest {

    private static final Candidate ECONOMY = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate ECONOMY_UNPRICED = unpriced("local/llama", Tier.ECONOMY);
    private static final Candidate STANDARD_CHEAP = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);
    private static final Candidate STANDARD_DEAR = candidate("openai/turbo", Tier.STANDARD, 6e-6);
    private static final Candidate STANDARD_UNPRICED = unpriced("local/mixtral", Tier.STANDARD);
    private static final Candidate PREMIUM = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);

    private static final List<Candidate> ALL = List.of(PREMIUM, STANDARD_UNPRICED, ECONOMY_UNPRICED, STANDARD_DEAR,
            ECONOMY, STANDARD_CHEAP);

    @ParameterizedTest(name = "target {0}: {1} -> {2}")
    @CsvSource(textBlock = """
            ECONOMY,  ECONOMY,  0
            ECONOMY,  STANDARD, 1
            ECONOMY,  PREMIUM,  2
            STANDARD, STANDARD, 0
            STANDARD, PREMIUM,  1
            STANDARD, ECONOMY,  4
            PREMIUM,  PREMIUM,  0
            PREMIUM,  STANDARD, 4
            PREMIUM,  ECONOMY,  5
            """)
    void preferenceIsTheTargetThenStrongerNearestFirstThenWeakerNearestFirst(Tier target, Tier tier, int expected) {
        assertEquals(expected, TierRanking.tierPreference(target, tier));
    }

    @Test
    void ranksTheTargetTierFirstThenStrongerThenWeakerEachPricedCheapestFirstThenUnpriced() {
        assertEquals(List.of("anthropic/haiku", "openai/turbo", "local/mixtral", "openai/gpt-4o", "gemini/flash",
                "local/llama"), labels(TierRanking.rank(ALL, Tier.STANDARD)));
        assertEquals(List.of("gemini/flash", "local/llama", "anthropic/haiku", "openai/turbo", "local/mixtral",
                "openai/gpt-4o"), labels(TierRanking.rank(ALL, Tier.ECONOMY)));
        assertEquals(List.of("openai/gpt-4o", "anthropic/haiku", "openai/turbo", "local/mixtral", "gemini/flash",
                "local/llama"), labels(TierRanking.rank(ALL, Tier.PREMIUM)));
    }

    @Test
    void theRankingDoesNotDependOnTheOfferedOrder() {
        List<Candidate> reversed = new ArrayList<>(ALL);
        Collections.reverse(reversed);

        assertEquals(TierRanking.rank(ALL, Tier.STANDARD), TierRanking.rank(reversed, Tier.STANDARD));
    }

    @Test
    void priceOrderPutsPricedFirstThenCheapestThenByLabel() {
        Candidate free = candidate("z/free", Tier.PREMIUM, 0);
        Candidate sameA = candidate("a/same", Tier.PREMIUM, 2e-6);
        Candidate sameB = candidate("b/same", Tier.ECONOMY, 2e-6);
        Candidate unpricedA = unpriced("a/unknown", Tier.ECONOMY);
        List<Candidate> candidates = new ArrayList<>(List.of(ECONOMY_UNPRICED, sameB, unpricedA, free, sameA));

        candidates.sort(TierRanking.PRICE_ORDER);

        assertEquals(List.of("z/free", "a/same", "b/same", "a/unknown", "local/llama"), labels(candidates));
    }

    @Test
    void choiceWordingSaysWhetherTheChosenIsOfTheTargetTierOrStandsIn() {
        assertEquals("anthropic/haiku is its cheapest deployment",
                TierRanking.choiceWording(STANDARD_CHEAP, Tier.STANDARD));
        assertEquals("no premium deployment is available, so anthropic/haiku (standard) stands in",
                TierRanking.choiceWording(STANDARD_CHEAP, Tier.PREMIUM));
        assertEquals("no deployment of the tier has a known price; local/mixtral is first by name",
                TierRanking.choiceWording(STANDARD_UNPRICED, Tier.STANDARD), "an unpriced one is not called cheapest");
    }
}
