package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionResponse.TokenUsage;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.AnsweringAdapter;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An answer that wrote the prompt cache: the caller, the ledger and the rate-limit window count every
 * input token as before; only the price of the written part differs.
 */
class CacheWriteAccountingTest {

    private static final String MODEL = "claude-3-5-haiku-20241022";
    /** What the Anthropic fixture message-text.json maps to: 21 plain, 300 written to the cache, 1700 read. */
    private static final Usage WROTE_THE_CACHE = new Usage(2021, 9, 0, 1700, 300);
    /** Haiku 3.5 as LiteLLM prices it: $0.80 in, $4 out, $0.08 a cache read, $1 a cache write per million. */
    private static final ModelPrice HAIKU = new ModelPrice(8e-07, 4e-06, 8e-08, 1e-06, 0, 200_000, "anthropic", "chat");

    @Test
    void cacheWritesStayInputTokensAndArePricedAtTheCacheWritePrice() {
        CoreFixture fixture = new CoreFixture().adaptedProvider("anthropic", answering(WROTE_THE_CACHE),
                CoreFixture.deployment(MODEL, Tier.ECONOMY));
        fixture.prices = fixture.prices.overlaidWith(Map.of(MODEL, HAIKU), "test");

        CompleteResponse response = fixture.completions()
                .complete(new CompleteRequest("What is in section 4?", 100, false, null), CoreFixture.ALICE);

        double expected = 21 * 8e-07 + 300 * 1e-06 + 1700 * 8e-08 + 9 * 4e-06;
        assertEquals(2021, response.tokensIn());
        assertEquals(expected, response.cost(), 1e-12);
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(2021, row.tokensIn());
        assertEquals(9, row.tokensOut());
        assertEquals(expected, row.cost().doubleValue(), 1e-12);
        assertEquals(expected, fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW)
                .doubleValue(), 1e-12);
        assertEquals(2030, fixture.admission.windowUsage(Refusal.RateScope.DEPLOYMENT, "anthropic/" + MODEL,
                CoreFixture.NOW).tokens());
    }

    @Test
    void aHitOfAnAnswerThatUsedThePromptCacheSavedAWholeCallOfTheBaseline() {
        CoreFixture fixture = new CoreFixture().adaptedProvider("anthropic", answering(WROTE_THE_CACHE),
                CoreFixture.deployment(MODEL, Tier.ECONOMY));
        // The baseline with its cache-read price: priced with the original call's cache split, the hit saved less.
        fixture.prices = fixture.prices.overlaidWith(Map.of(MODEL, HAIKU, "gpt-4o",
                new ModelPrice(2.5e-06, 1e-05, 1.25e-06, 0, 0, 128_000, "openai", "chat")), "test");
        fixture.cacheSettings = dev.switchboard.state.CacheSettings.defaults();
        CompleteRequest ask = new CompleteRequest("What is in section 4?", 100, false, null);
        fixture.completions().complete(ask, CoreFixture.ALICE);

        CompleteResponse hit = fixture.completions().complete(ask, CoreFixture.ALICE);

        LedgerEntry row = fixture.ledger.rows.get(1);
        assertEquals(true, hit.cacheHit());
        assertEquals(0, row.cachedTokensIn());
        // The baseline model's price of all 2,021 input tokens, none of them read from its prompt cache.
        double wholeCall = new CostCalculator(fixture.prices, "gpt-4o").baselineCost(2021, 9).usd();
        assertEquals(wholeCall, row.baselineCost().doubleValue(), 1e-12);
        assertEquals(wholeCall, hit.routingMetadata().baselineCost(), 1e-12);
    }

    @Test
    void theChatCompletionUsageCountsCacheWritesInPromptTokens() {
        TokenUsage usage = ChatCompletionMapper.usage(WROTE_THE_CACHE);

        assertEquals(2021, usage.promptTokens());
        assertEquals(2030, usage.totalTokens());
    }

    /** An adapter whose every answer reports {@code usage}. */
    private static ProviderAdapterFactory answering(Usage usage) {
        return AnsweringAdapter.of("test-cache-writes", (provider, request) ->
                new ChatResponse("It sets the notice period.", request.model(), usage, FinishReason.STOP));
    }
}
