package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request larger than a limit itself (a key's or every deployment's tokens per minute, a whole budget)
 * is a 400 naming max_tokens: a 429 or 402 would tell the caller to wait for something that never comes.
 */
class RequestExceedsLimitTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 1000, false, null);

    @Test
    void aRequestThatMayCostMoreThanTheWholeBudgetIsA400WithoutRetryAfter() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller tiny = new Caller("carol", "vk_carol", new BudgetCaps(new BigDecimal("0.0001"), null), null, false);

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(HI, tiny));

        assertEquals(400, e.status());
        assertEquals("request_exceeds_limit", e.type());
        assertEquals("max_tokens", e.field());
        assertTrue(e.headers().isEmpty(), "no Retry-After: waiting would not help");
        assertTrue(e.getMessage().contains("more than the whole daily budget of $0.0001 for user 'carol'"),
                e.getMessage());
        assertEquals(0, fixture.admission.spent("carol", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW).signum());
        assertRefusalLedgered(fixture);
    }

    @Test
    void aRequestLargerThanTheKeysTokensPerMinuteIsA400() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller small = new Caller("dave", "vk_dave", null, new RateLimits(null, 500L), false);

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(HI, small));

        assertTrue(e.getMessage().contains("more than this key's limit of 500 per minute"), e.getMessage());
        assertRefusalLedgered(fixture);
    }

    @Test
    void aRequestNoWaitWouldAdmitIsA400EvenWhenAnotherLimitRefusesItFirst() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller twoAMinute = new Caller("erin", "vk_erin", null, new RateLimits(2L, 100_000L), false);
        fixture.completions().complete(HI, twoAMinute);
        fixture.completions().complete(HI, twoAMinute);
        Caller smallWindow = new Caller("erin", "vk_erin", null, new RateLimits(2L, 500L), false);

        RequestExceedsLimitException tooMany = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(HI, smallWindow));
        // The key's requests are refused first in the same transaction; its tokens never fit.
        assertTrue(tooMany.getMessage().contains("more than this key's limit of 500 per minute"), tooMany.getMessage());

        Caller nearlySpent = new Caller("frank", "vk_frank", new BudgetCaps(new BigDecimal("0.0001"), new BigDecimal("10")),
                null, false);
        // Spent this month, on another day's budget: only the month's room is nearly gone.
        assertTrue(fixture.admission.reserve(new AdmissionRequest("p/m", RateLimits.NONE, null, null, "frank",
                new BudgetCaps(null, new BigDecimal("10")), 0, new BigDecimal("9.99999"))) instanceof Admission.Admitted);
        RequestExceedsLimitException dear = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(HI, nearlySpent));
        assertTrue(dear.getMessage().contains("more than the whole daily budget of $0.0001"), dear.getMessage());
        assertTrue(dear.headers().isEmpty(), "not a 402 until the month ends");
    }

    @Test
    void aRequestTooLargeForTheDeploymentsLeftIsNoA400WhileABigEnoughOnesCircuitIsOpen() {
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, withTpm("gemini-1.5-flash", Tier.ECONOMY, 400))
                .provider("openai", 0, withTpm("gpt-4o-mini", Tier.ECONOMY, 100_000));
        fixture.breakers.holdOpenUntil("openai/gpt-4o-mini", CoreFixture.NOW.plusSeconds(60));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> fixture.completions().complete(HI, CoreFixture.ALICE));

        assertFalse(e instanceof RequestExceedsLimitException, "openai takes it once its circuit closes: " + e);
        assertEquals(503, ((ApiException) e).status(), e.getMessage());
    }

    @Test
    void aRequestLargerThanEveryDeploymentsTokensPerMinuteIsA400NamingTheLargest() {
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, withTpm("gemini-1.5-flash", Tier.ECONOMY, 400))
                .provider("openai", 0, withTpm("gpt-4o-mini", Tier.ECONOMY, 800));

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(HI, CoreFixture.ALICE));

        assertTrue(e.getMessage().contains("more than any deployment able to answer it takes per minute (at most 800)"),
                e.getMessage());
        assertRefusalLedgered(fixture);
    }

    @Test
    void aDeploymentWhoseWholeWindowIsTooSmallIsPassedOverForOneThatFits() {
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, withTpm("gemini-1.5-flash", Tier.ECONOMY, 400))
                .provider("openai", 0, withTpm("gpt-4o-mini", Tier.ECONOMY, 100_000));

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        assertEquals("openai", response.provider());
        assertEquals(List.of("gemini/gemini-1.5-flash (" + RequestAdmission.REQUEST_EXCEEDS_LIMIT + ")"),
                response.routingMetadata().attempted());
    }

    private static DeploymentConfig withTpm(String model, Tier tier, int tpm) {
        return new DeploymentConfig(model, tier, 100, tpm, Capabilities.DEFAULTS);
    }

    private static void assertRefusalLedgered(CoreFixture fixture) {
        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("request_exceeds_limit", row.errorType());
    }
}
