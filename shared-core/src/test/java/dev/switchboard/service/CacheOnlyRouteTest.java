package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.switchboard.service.ChatCalls.underSla;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cached answer is served when live signals leave no deployment to call: here an SLA target that every
 * deployment's measured latency has come to miss.
 */
class CacheOnlyRouteTest {

    private static final long SLA_MS = 500;

    private static CoreFixture fixture(boolean cacheOn) {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.routesOnSharedLatency = true;
        if (cacheOn) {
            fixture.cacheSettings = CacheSettings.defaults();
        }
        return fixture;
    }

    /** Every deployment's recent calls took two seconds: each p95 is over the target. */
    private static void everyDeploymentSlow(CoreFixture fixture) {
        for (Candidate candidate : fixture.candidates().all()) {
            for (int i = 0; i < 20; i++) {
                fixture.latency.record(candidate.label(), Duration.ofSeconds(2), true, fixture.clock.instant());
            }
        }
    }

    @Test
    void aCachedChatAnswerIsServedWhereLiveLatencyLeavesNothingToCall() {
        CoreFixture fixture = fixture(true);
        ChatCompletionRequest ask = underSla("What is Python?", SLA_MS, false);
        ChatCompletionResponse first = fixture.chatCompletions().complete(ask, CoreFixture.ALICE);
        everyDeploymentSlow(fixture);
        ChatCompletionService slowNow = fixture.chatCompletions();

        ChatCompletionResponse again = slowNow.complete(ask, CoreFixture.ALICE);

        assertTrue(again.switchboard().cacheHit());
        assertEquals(first.choices().get(0).message().content(), again.choices().get(0).message().content());
        assertEquals(first.switchboard().provider(), again.switchboard().provider());
        LedgerEntry hitRow = fixture.ledger.rows.get(1);
        assertTrue(hitRow.cacheHit());
        assertEquals(LedgerEntry.OK, hitRow.status());
        assertEquals(first.switchboard().routingMetadata().complexity(),
                again.switchboard().routingMetadata().complexity(), "the hit's row keeps the prompt's analysis");

        NoEligibleDeploymentException uncached = assertThrows(NoEligibleDeploymentException.class,
                () -> slowNow.complete(underSla("What is Java?", SLA_MS, false), CoreFixture.ALICE));
        assertTrue(uncached.getMessage().contains("SLA target of 500 ms"), uncached.getMessage());
        assertEquals(2, fixture.ledger.rows.size(), "a request nothing can answer is refused before it is ledgered");
    }

    @Test
    void withoutTheCacheOrForAStreamTheRequestIsRefusedAsBefore() {
        CoreFixture off = fixture(false);
        off.chatCompletions().complete(underSla("What is Python?", SLA_MS, false), CoreFixture.ALICE);
        everyDeploymentSlow(off);
        assertThrows(NoEligibleDeploymentException.class, () -> off.chatCompletions()
                .complete(underSla("What is Python?", SLA_MS, false), CoreFixture.ALICE));

        CoreFixture on = fixture(true);
        on.chatCompletions().complete(underSla("What is Python?", SLA_MS, false), CoreFixture.ALICE);
        everyDeploymentSlow(on);
        // Streams are neither stored nor looked up: nothing could answer this one.
        assertThrows(NoEligibleDeploymentException.class, () -> on.chatCompletions()
                .stream(underSla("What is Python?", SLA_MS, true), CoreFixture.ALICE, chunk -> { }));
    }

    @Test
    void aCachedCompleteAnswerIsServedToo() {
        CoreFixture fixture = fixture(true);
        CompleteRequest ask = new CompleteRequest("What is Python?", 300, false, null,
                new RoutingPreferences(null, null, null, SLA_MS, List.of(), List.of(), Set.of()));
        CompleteResponse first = fixture.completions().complete(ask, CoreFixture.ALICE);
        everyDeploymentSlow(fixture);

        CompleteResponse again = fixture.completions().complete(ask, CoreFixture.ALICE);

        assertFalse(first.cacheHit());
        assertTrue(again.cacheHit());
        assertEquals(first.response(), again.response());
        assertEquals(0.0, again.cost());
    }

    @Test
    void whereConfigurationLeavesNothingEitherLiveRoutingsRefusalIsThrown() {
        NoEligibleDeploymentException live = new NoEligibleDeploymentException("every deployment is too slow");

        NoEligibleDeploymentException thrown = assertThrows(NoEligibleDeploymentException.class,
                () -> CacheOnlyRoute.decide(CacheKey.of("k", List.of(), 10, null, List.of()),
                        signals -> {
                            if (signals == DecisionService.Signals.LIVE) {
                                throw live;
                            }
                            throw new NoEligibleDeploymentException("denied by the request");
                        }));

        assertSame(live, thrown);
    }
}
