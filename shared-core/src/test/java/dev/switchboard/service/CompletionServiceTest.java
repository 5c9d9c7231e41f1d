package dev.switchboard.service;

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

        CompleteResponse response = fixture.completions().complete(request("What is Python?"), new Caller("alice", null, null, null, false));

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
    void addsEachAnswerToTheCallersSpendForTheDay() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        CompletionService service = fixture.completions();

        CompleteResponse first = service.complete(request("hi"), new Caller("alice", null, null, null, false));
        CompleteResponse second = service.complete(request("hello there"), new Caller("alice", null, null, null, false));
        service.complete(request("hello"), new Caller("bob", null, null, null, false));

        assertEquals(first.cost() + second.cost(), second.totalCostToday(), 1e-12);
        BigDecimal stored = fixture.spend.spentOn("alice", LocalDate.of(2026, 11, 22));
        assertEquals(second.totalCostToday(), stored.doubleValue(), 1e-12);
    }

    @Test
    void fallsBackDownTheRankingWhenADeploymentFails() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 0, 0);

        CompleteResponse response = fixture.completions().complete(request("hi"), new Caller("alice", null, null, null, false));

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
                () -> fixture.completions().complete(request("hi"), new Caller("alice", null, null, null, false)));

        assertEquals(503, e.status());
        assertEquals(5, e.tried().size());
        assertEquals(5, fixture.ledger.rows.get(0).attempts());
        assertTrue(e.getMessage().contains("anthropic/claude-3-5-sonnet-20241022"), e.getMessage());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("no_provider_available", row.errorType());
        assertNull(row.provider());
        assertEquals(0, fixture.spend.spentOn("alice", LocalDate.of(2026, 11, 22)).signum());
    }

    @Test
    void aRejectedRequestStopsTheChainWithA502ThatQuotesNoUpstreamText() {
        // Ranked: gemini (down), openai/gpt-4o-mini (down), strict/gpt-4o-mini (refuses), then the rest.
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 1.0, 0)
                .rejectingProvider("strict", CoreFixture.deployment("gpt-4o-mini", Tier.ECONOMY));

        ProviderRejectedException e = assertThrows(ProviderRejectedException.class,
                () -> fixture.completions().complete(request("hi"), new Caller("alice", null, null, null, false)));

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

        CompleteResponse response = fixture.completions().complete(request("hi"), new Caller("alice", null, null, null, false));

        assertNull(response.cost());
        assertFalse(response.routingMetadata().costPriced());
        assertFalse(fixture.ledger.rows.get(0).priced());
    }

    @Test
    void aLedgerOutageIsFlaggedButDoesNotFailTheAnswer() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.ledger.down = true;

        CompleteResponse response = fixture.completions().complete(request("hi"), new Caller("alice", null, null, null, false));

        assertEquals("gemini", response.provider());
        assertFalse(response.routingMetadata().ledgerRecorded());
    }

    @Test
    void noConfiguredDeploymentIsA503() {
        CoreFixture fixture = new CoreFixture();

        ApiException e = assertThrows(ApiException.class, () -> fixture.completions().complete(request("hi"), new Caller("a", null, null, null, false)));

        assertEquals(503, e.status());
        assertEquals("no_provider_available", e.type());
    }
}
