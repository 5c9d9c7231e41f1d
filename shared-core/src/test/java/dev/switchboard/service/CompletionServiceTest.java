package dev.switchboard.service;

import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.state.Refusal;
import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.routing.Tier;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionServiceTest {

    private static CompleteRequest request(String prompt) {
        return new CompleteRequest(prompt, 1000, false, null);
    }

    @Test
    void answersFromTheChosenDeploymentAndPricesIt() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        CompleteResponse response = fixture.completions().complete(request("What is Python?"), CoreFixture.ALICE);

        assertEquals("gemini", response.provider());
        assertEquals("gemini-1.5-flash", response.model());
        assertEquals("complexity", response.strategyUsed());
        assertFalse(response.cacheHit());
        double expected = response.tokensIn() * 7.5e-08 + response.tokensOut() * 3e-07;
        assertEquals(expected, response.cost(), 1e-12);
        assertEquals(response.cost(), response.totalCostToday(), 1e-12);
        assertFalse(response.routingMetadata().fallbackUsed());
        assertTrue(response.routingMetadata().baselineCost() > response.cost());
    }

    @Test
    void theMetadataSaysTheChosenDeploymentsFeedbackQualityAndTheValidationAsSeed001Has() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.ledger.quality.add(new ProviderQuality("gemini", "gemini-1.5-flash", 4, 4, 4.0, 0, null));

        CompleteResponse response = fixture.completions().complete(request("What is Python?"), CoreFixture.ALICE);

        assertEquals("gemini", response.provider());
        assertEquals(0.75, response.routingMetadata().qualityScore(), "ratings of 4 on the 0..1 scale");
        assertEquals("not_applicable", response.routingMetadata().validation(), "the complexity rule learns nothing");
        CompleteResponse unrated = CoreFixture.builtInLineUp(0, 0, 0).completions()
                .complete(request("What is Python?"), CoreFixture.ALICE);
        assertNull(unrated.routingMetadata().qualityScore(), "left out while nobody rated it");
        CompleteResponse hybrid = CoreFixture.builtInLineUp(0, 0, 0).completions()
                .complete(new CompleteRequest("What is Python?", 1000, true, null), CoreFixture.ALICE);
        assertEquals("hybrid_fallback", hybrid.strategyUsed());
        assertEquals("fallback", hybrid.routingMetadata().validation(), "a learner without data falls back");
    }

    @Test
    void addsEachAnswerToTheCallersSpendForTheDay() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        CompletionService service = fixture.completions();

        CompleteResponse first = service.complete(request("hi"), CoreFixture.ALICE);
        CompleteResponse second = service.complete(request("hello there"), CoreFixture.ALICE);
        service.complete(request("hello"), new Caller("bob", null, null, null, false));

        assertEquals(first.cost() + second.cost(), second.totalCostToday(), 1e-12);
        BigDecimal stored = fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);
        assertEquals(second.totalCostToday(), stored.doubleValue(), 1e-12);
    }

    @Test
    void fallsBackDownTheRankingWhenADeploymentFails() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 0, 0);

        CompleteResponse response = fixture.completions().complete(request("hi"), CoreFixture.ALICE);

        assertEquals("openai", response.provider());
        assertEquals("gpt-4o-mini", response.model());
        assertTrue(response.routingMetadata().fallbackUsed());
        assertEquals(List.of("gemini/gemini-1.5-flash (unavailable)"), response.routingMetadata().attempted());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertTrue(row.fallbackUsed());
        assertEquals(2, row.attempts());
    }

    @Test
    void answers503NamingEveryDeploymentTriedWhenAllFail() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 1.0, 1.0);

        NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class,
                () -> fixture.completions().complete(request("hi"), CoreFixture.ALICE));

        assertEquals(503, e.status());
        assertEquals(5, e.tried().size());
        assertEquals(5, fixture.ledger.rows.get(0).attempts());
        assertTrue(e.getMessage().contains("anthropic/claude-3-5-sonnet-20241022"), e.getMessage());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("no_provider_available", row.errorType());
        assertNull(row.provider());
        assertEquals(0, fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW).signum());
    }

    @Test
    void aFailureInsideTheGatewayIsLedgeredAndChargesNothing() {
        // The adapter's own bug, ranked first (economy); a healthy deployment stands behind it.
        CoreFixture fixture = new CoreFixture()
                .adaptedProvider("buggy", ScriptedStreamAdapter.failingInside("never"),
                        CoreFixture.deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("anthropic", 0, CoreFixture.deployment("claude-3-5-haiku-20241022", Tier.STANDARD));

        assertThrows(IllegalStateException.class,
                () -> fixture.completions().complete(request("hi"), CoreFixture.ALICE));

        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals(CompletionAccounting.INTERNAL_ERROR, row.errorType());
        assertEquals("complete", row.endpoint());
        assertEquals(1, row.attempts());
        assertNull(row.provider());
        assertEquals(0, fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW).signum());
    }

    @Test
    void aRejectedRequestStopsTheChainWithA502ThatQuotesNoUpstreamText() {
        // Ranked: gemini (down), openai/gpt-4o-mini (down), strict/gpt-4o-mini (refuses), then the rest.
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 1.0, 0)
                .rejectingProvider("strict", CoreFixture.deployment("gpt-4o-mini", Tier.ECONOMY));

        ProviderRejectedException e = assertThrows(ProviderRejectedException.class,
                () -> fixture.completions().complete(request("hi"), CoreFixture.ALICE));

        assertEquals(502, e.status());
        assertEquals("strict/gpt-4o-mini rejected the request", e.getMessage());
        assertEquals(List.of("gemini/gemini-1.5-flash (unavailable)", "openai/gpt-4o-mini (unavailable)",
                "strict/gpt-4o-mini (rejected)"), e.tried());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(3, row.attempts());
        assertEquals("provider_rejected_request", row.errorType());
    }

    @Test
    void anUnpricedModelsCostIsNullNotZero() {
        CoreFixture fixture = new CoreFixture().provider("local", 0, CoreFixture.deployment("mystery", Tier.ECONOMY));

        CompleteResponse response = fixture.completions().complete(request("hi"), CoreFixture.ALICE);

        assertNull(response.cost());
        assertFalse(response.routingMetadata().costPriced());
        assertFalse(fixture.ledger.rows.get(0).priced());
    }

    @Test
    void aLedgerOutageIsFlaggedButDoesNotFailTheAnswer() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.ledger.down = true;

        CompleteResponse response = fixture.completions().complete(request("hi"), CoreFixture.ALICE);

        assertEquals("gemini", response.provider());
        assertFalse(response.routingMetadata().ledgerRecorded());
    }

    @Test
    void noConfiguredDeploymentIsA503() {
        CoreFixture fixture = new CoreFixture();

        ApiException e = assertThrows(ApiException.class, () -> fixture.completions().complete(request("hi"), CoreFixture.ALICE));

        assertEquals(503, e.status());
        assertEquals("no_provider_available", e.type());
    }
}
