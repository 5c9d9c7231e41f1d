package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.BudgetExceededException;
import dev.switchboard.api.CapacityExhaustedException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.RateLimitedException;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.DeploymentLatency;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.testsupport.AnsweringAdapter;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits, budgets and state outages as /complete meets them, over in-memory shared state. */
class CompletionAdmissionTest {

    private static final CompleteRequest HI = new CompleteRequest("hi", 1000, false, null);
    private static final String HARD_PROMPT = "Prove step by step that the halting problem is undecidable, then "
            + "design and analyze a distributed consensus algorithm, derive its message complexity, and implement "
            + "a verified version in Rust with a formal proof of safety and liveness under partial synchrony.";

    /** The built-in line-up with every deployment limited to one request a minute. */
    private static CoreFixture oneRequestAMinuteEach() {
        CoreFixture fixture = new CoreFixture();
        fixture.provider("gemini", 0, limited("gemini-1.5-flash", Tier.ECONOMY));
        fixture.provider("openai", 0, limited("gpt-4o-mini", Tier.ECONOMY), limited("gpt-4o", Tier.PREMIUM));
        return fixture;
    }

    private static DeploymentConfig limited(String model, Tier tier) {
        return new DeploymentConfig(model, tier, 1, 100_000, Capabilities.DEFAULTS);
    }

    @Test
    void aDeploymentWhoseWindowIsFullIsPassedOverAndTheNextAnswers() {
        CoreFixture fixture = oneRequestAMinuteEach();
        CompletionService service = fixture.completions();

        CompleteResponse first = service.complete(HI, CoreFixture.ALICE);
        CompleteResponse second = service.complete(HI, CoreFixture.ALICE);

        String firstLabel = first.provider() + "/" + first.model();
        assertTrue(second.routingMetadata().fallbackUsed());
        assertEquals(List.of(firstLabel + " (" + RequestAdmission.RATE_LIMIT_REACHED + ")"),
                second.routingMetadata().attempted());
        assertEquals(1, fixture.admission.windowUsage(Refusal.RateScope.DEPLOYMENT, firstLabel, CoreFixture.NOW)
                .requests());
    }

    @Test
    void whenEveryDeploymentIsFullTheRequestIsA429UntilTheMinuteEnds() {
        CoreFixture fixture = oneRequestAMinuteEach();
        CompletionService service = fixture.completions();
        for (int i = 0; i < 3; i++) {
            service.complete(HI, CoreFixture.ALICE);
        }

        CapacityExhaustedException e = assertThrows(CapacityExhaustedException.class,
                () -> service.complete(HI, CoreFixture.ALICE));

        assertEquals(429, e.status());
        assertEquals("60", e.headers().get("Retry-After"), "the fixture's clock stands at the start of a minute");
        LedgerEntry row = fixture.ledger.rows.get(fixture.ledger.rows.size() - 1);
        assertEquals("capacity_exhausted", row.errorType(), "told apart from a key's own limit");
    }

    @Test
    void aBudgetThatCannotCoverTheMostTheRequestMayCostRefusesItWith402NamingIt() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        // The cheapest deployment's 1,000-token answer may cost $0.0003: one fits the budget, two do not.
        Caller tight = new Caller("carol", "vk_carol", new BudgetCaps(new BigDecimal("0.0005"), null), null, false);
        Candidate cheapest = fixture.decisions().decide("hi", 1000, false,
                dev.switchboard.api.RoutingPreferences.NONE, Caller.ANONYMOUS).chosen();
        assertTrue(fixture.admissions().open(tight, 1, 1000).enter(cheapest).isEmpty(),
                "another request of carol's, under way, holds its reservation");
        BigDecimal held = fixture.admission.spent("carol", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);

        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> fixture.completions().complete(HI, tight));

        assertEquals(402, e.status());
        assertTrue(e.getMessage().contains("daily budget of $0.0005 for user 'carol'"), e.getMessage());
        assertEquals(held, fixture.admission.spent("carol", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW),
                "a refused request holds nothing");
        assertEquals("budget_exceeded", fixture.ledger.rows.get(0).errorType());
    }

    @Test
    void theReservationIsTheMostTheCallCanCostSoABudgetHoldsWhenTheWholeAnswerIsReasoning() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        // Text at $0.60 a million, reasoning at $3.50: 4,000 tokens of reasoning cost $0.014, of text $0.0024.
        Candidate thinker = new Candidate("p", "thinker", Tier.ECONOMY, 1.5e-7, 6e-7, true, Capabilities.DEFAULTS, 1,
                new dev.switchboard.routing.CostCeiling(1.5e-7, 0, 3.5e-6, List.of()));
        Caller capped = new Caller("frank", "vk_frank", new BudgetCaps(new BigDecimal("0.01"), null), null, false);
        Caller roomy = new Caller("gina", "vk_gina", new BudgetCaps(new BigDecimal("1"), null), null, false);

        assertEquals(Optional.of(RequestAdmission.OVER_BUDGET),
                fixture.admissions().open(capped, 10, 4000).enter(thinker), "not admitted at the text price");
        assertEquals(0, BigDecimal.ZERO.compareTo(fixture.admission.spent("frank", Refusal.BudgetPeriod.DAILY,
                CoreFixture.NOW)));
        assertEquals(Optional.empty(), fixture.admissions().open(roomy, 10, 4000).enter(thinker));
        assertEquals(0, new BigDecimal("0.0140015").compareTo(fixture.admission.spent("gina",
                Refusal.BudgetPeriod.DAILY, CoreFixture.NOW)), "10 tokens in at $0.15 a million, 4,000 out at $3.50");
    }

    @Test
    void aDeploymentTooDearForWhatIsLeftOfTheBudgetIsPassedOverForACheaperOne() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        CompleteRequest hard = new CompleteRequest(HARD_PROMPT, 1000, false, null);
        String first = fixture.decisions().decide(HARD_PROMPT, 1000, false,
                dev.switchboard.api.RoutingPreferences.NONE, Caller.ANONYMOUS).chosen().label();
        // Claude Haiku's 1,000-token answer could cost $0.004; the economy tier's at most $0.0006.
        Caller frugal = new Caller("erin", "vk_erin", new BudgetCaps(new BigDecimal("0.002"), null), null, false);

        CompleteResponse response = fixture.completions().complete(hard, frugal);

        assertEquals("anthropic/claude-3-5-haiku-20241022", first, "the prompt routes to the standard tier");
        assertTrue(response.routingMetadata().attempted().contains(first + " (" + RequestAdmission.OVER_BUDGET + ")"),
                response.routingMetadata().attempted().toString());
        assertTrue(response.cost() < 0.002);
    }

    @Test
    void aRequestLargerThanEveryWindowIsA400EvenWhileAWindowIsFull() {
        CoreFixture fixture = new CoreFixture();
        // One request a minute, and a tokens-per-minute window a little larger than "hi" with 100 tokens.
        fixture.provider("openai", 0, new DeploymentConfig("gpt-4o-mini", Tier.ECONOMY, 1, 500, Capabilities.DEFAULTS));
        CompletionService service = fixture.completions();
        service.complete(new CompleteRequest("hi", 100, false, null), CoreFixture.ALICE);

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> service.complete(new CompleteRequest("hi again", 1000, false, null), CoreFixture.ALICE));

        assertEquals(400, e.status(), "its window is full, but no wait would let a 1,000-token request in");
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @Test
    void theKeysOwnWindowRefusesTheWholeRequestWith429() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller oneAMinute = new Caller("dave", "vk_dave", null, RateLimits.rpm(1), false);
        CompletionService service = fixture.completions();
        service.complete(HI, oneAMinute);

        RateLimitedException e = assertThrows(RateLimitedException.class, () -> service.complete(HI, oneAMinute));

        assertTrue(e.getMessage().contains("rate limit of this key, 1 requests per minute"), e.getMessage());
    }

    @Test
    void theReservationIsReconciledToTheRealCostAndUsageAndTheLatencyIsRecorded() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        String label = response.provider() + "/" + response.model();
        assertEquals(response.cost(), fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW)
                .doubleValue(), 1e-12, "the maximum cost held before the call is replaced by the real one");
        assertEquals(response.tokensIn() + response.tokensOut(), fixture.admission.windowUsage(
                Refusal.RateScope.DEPLOYMENT, label, CoreFixture.NOW).tokens());
        DeploymentLatency latency = fixture.latency.snapshot(List.of(label)).of(label);
        assertEquals(1, latency.calls());
        assertEquals(1, latency.successes());
    }

    @Test
    void theLatencyRecordedIsTheAnsweringCallsNotTheWaitBeforeItNorTheTryThatFailed() {
        CoreFixture fixture = new CoreFixture();
        int[] calls = {0};
        ProviderAdapterFactory slowToAdmit = AnsweringAdapter.of("test-retry-after", (provider, request) -> {
            if (calls[0]++ == 0) {
                fixture.clock.advance(Duration.ofMillis(100));
                throw new ProviderException(provider, ProviderException.Kind.RATE_LIMITED, "HTTP 429", 429,
                        Duration.ofSeconds(8));
            }
            fixture.clock.advance(Duration.ofMillis(700));
            return new ChatResponse("answer", request.model(), new Usage(3, 5), FinishReason.STOP, List.of());
        });
        fixture.adaptedProvider("retrying", slowToAdmit, CoreFixture.deployment("gpt-4o-mini", Tier.ECONOMY));
        fixture.retryWaits = fixture.clock::advance;

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        String label = "retrying/gpt-4o-mini";
        DeploymentLatency latency = fixture.latency.snapshot(List.of(label)).of(label);
        assertEquals(1, latency.successes());
        assertEquals(700.0, latency.meanMillis(), 1e-9,
                "the answering call, not the 8 s the upstream asked to wait nor the 100 ms of the try it refused");
        assertEquals(8_800, response.routingMetadata().latencyMs(), "the caller waited for it all");
    }

    @Test
    void withTheDefaultPolicyAStateOutageRefusesWith503AndCallsNoProvider() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.state = new UnreachableState();

        ApiException e = assertThrows(ApiException.class, () -> fixture.completions().complete(HI, CoreFixture.ALICE));

        assertEquals(503, e.status());
        assertEquals("state_unavailable", e.type());
        assertTrue(fixture.outages.current().isPresent());
        assertTrue(fixture.ledger.rows.isEmpty() || fixture.ledger.rows.get(0).provider() == null);
    }

    @Test
    void withBothKindsFailingOpenAnOutageLetsTheRequestThroughUncheckedAfterOneFailedCall() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        UnreachableState down = new UnreachableState();
        fixture.state = down;
        fixture.outagePolicy = new StateOutagePolicy(StateOutagePolicy.FailureMode.OPEN,
                StateOutagePolicy.FailureMode.OPEN);

        CompleteResponse response = fixture.completions().complete(HI, CoreFixture.ALICE);

        assertEquals("gemini", response.provider());
        assertNull(response.totalCostToday());
        assertEquals(1, down.calls, "after the first failure the request makes no further state call");
        assertEquals("lookup", fixture.outages.current().orElseThrow().lastOperation());
    }

    @Test
    void aRequestLetThroughAnOutageDidNotAskTheCacheAndIsLedgeredAsABypassNotAMiss() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.state = new UnreachableState();
        fixture.cacheSettings = dev.switchboard.state.CacheSettings.defaults();
        fixture.outagePolicy = new StateOutagePolicy(StateOutagePolicy.FailureMode.OPEN,
                StateOutagePolicy.FailureMode.OPEN);
        RoutingTrace completeTrace = new RoutingTrace();
        RoutingTrace chatTrace = new RoutingTrace();

        fixture.completions().complete(HI, CoreFixture.ALICE, completeTrace);
        fixture.chatCompletions().complete(ChatCalls.whole(null, "hi"), CoreFixture.ALICE, chatTrace);

        assertEquals(Boolean.FALSE, fixture.ledger.rows.get(0).cacheAsked());
        assertEquals(Boolean.FALSE, fixture.ledger.rows.get(1).cacheAsked());
        assertEquals(RoutingTrace.CacheUse.BYPASS, completeTrace.routed().orElseThrow().cache());
        assertEquals(RoutingTrace.CacheUse.BYPASS, chatTrace.routed().orElseThrow().cache());
    }

    /** A store that cannot be reached, counting how often it was asked. */
    private static final class UnreachableState implements RequestState {
        int calls;

        @Override
        public StateLookup lookup(String principal, Instant at, CacheKey cacheKey) {
            calls++;
            throw new StateUnavailableException("unreachable", null);
        }

        @Override
        public Admission reserve(AdmissionRequest request) {
            calls++;
            throw new StateUnavailableException("unreachable", null);
        }

        @Override
        public void settle(Settlement settlement) {
            calls++;
            throw new StateUnavailableException("unreachable", null);
        }

        @Override
        public void releaseUncertain(UncertainReservation uncertain) {
            calls++;
            throw new StateUnavailableException("unreachable", null);
        }
    }
}
