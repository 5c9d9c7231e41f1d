package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.service.ChatCalls.streamed;
import static dev.switchboard.service.ChatCalls.whole;
import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer names the model as configured in Switchboard (what a caller can pin in "model"), even
 * when the upstream calls itself by a dated snapshot name: /complete, whole and streamed chat
 * completions, cache hits, the x-switchboard-model header (the trace) and the ledger. The upstream's
 * own name is kept in routing_metadata.upstream_model.
 */
class ModelNameConsistencyTest {

    private static final String CONFIGURED = "gpt-4o-mini";
    private static final String UPSTREAM = "gpt-4o-mini-2024-07-18";

    private final ScriptedStreamAdapter adapter = ScriptedStreamAdapter.reportingModel(UPSTREAM, "Hel", "lo");
    private final CoreFixture fixture = new CoreFixture().adaptedProvider("dated", adapter,
            deployment(CONFIGURED, Tier.ECONOMY));

    private static String traced(RoutingTrace trace) {
        return trace.routed().orElseThrow().model();
    }

    @Test
    void aWholeChatAnswerNamesTheConfiguredModelAndKeepsTheUpstreamNameInTheMetadata() {
        RoutingTrace trace = new RoutingTrace();

        ChatCompletionResponse response = fixture.chatCompletions().complete(whole(null, "hi"), CoreFixture.ALICE,
                trace);

        assertEquals(CONFIGURED, response.model());
        assertEquals(CONFIGURED, traced(trace));
        assertEquals(UPSTREAM, response.switchboard().routingMetadata().upstreamModel());
        assertEquals(CONFIGURED, fixture.ledger.rows.get(0).model());
    }

    @Test
    void aPinnedModelRoundTrips() {
        ChatCompletionResponse response = fixture.chatCompletions().complete(whole(CONFIGURED, "hi"),
                CoreFixture.ALICE);

        ChatCompletionResponse again = fixture.chatCompletions().complete(whole(response.model(), "hi again"),
                CoreFixture.ALICE);

        assertEquals(CONFIGURED, again.model());
    }

    @Test
    void aStreamNamesTheConfiguredModelInEveryChunkAndTheTrace() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        RoutingTrace trace = new RoutingTrace();

        fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, trace, chunks::add);

        assertFalse(chunks.isEmpty());
        chunks.forEach(chunk -> assertEquals(CONFIGURED, chunk.model(), chunk.toString()));
        assertEquals(CONFIGURED, traced(trace));
        assertEquals(CONFIGURED, fixture.ledger.rows.get(0).model());
    }

    @Test
    void aChatCacheHitNamesTheConfiguredModelAndItsRowFindsTheTier() {
        fixture.cacheSettings = CacheSettings.defaults();
        ChatCompletionService chat = fixture.chatCompletions();
        chat.complete(whole(null, "hi"), CoreFixture.ALICE);
        RoutingTrace trace = new RoutingTrace();

        ChatCompletionResponse hit = chat.complete(whole(null, "hi"), CoreFixture.ALICE, trace);

        assertTrue(hit.switchboard().cacheHit());
        assertEquals(CONFIGURED, hit.model());
        assertEquals(CONFIGURED, traced(trace));
        assertNull(hit.switchboard().routingMetadata().upstreamModel(), "nobody upstream was asked");
        LedgerEntry row = fixture.ledger.rows.get(1);
        assertTrue(row.cacheHit());
        assertEquals(CONFIGURED, row.model());
        assertEquals(Tier.ECONOMY.wireName(), row.tier());
        assertEquals(1, adapter.calls.get());
    }

    @Test
    void completeNamesTheConfiguredModelAnsweredAndFromTheCache() {
        fixture.cacheSettings = CacheSettings.defaults();
        CompletionService complete = fixture.completions();
        RoutingTrace missTrace = new RoutingTrace();
        RoutingTrace hitTrace = new RoutingTrace();
        CompleteRequest request = new CompleteRequest("hi", 100, false, null);

        CompleteResponse miss = complete.complete(request, CoreFixture.ALICE, missTrace);
        CompleteResponse hit = complete.complete(request, CoreFixture.ALICE, hitTrace);

        assertEquals(CONFIGURED, miss.model());
        assertEquals(UPSTREAM, miss.routingMetadata().upstreamModel());
        assertEquals(CONFIGURED, traced(missTrace));
        assertTrue(hit.cacheHit());
        assertEquals(CONFIGURED, hit.model());
        assertEquals(CONFIGURED, traced(hitTrace));
        assertEquals(List.of(CONFIGURED, CONFIGURED), fixture.ledger.rows.stream().map(LedgerEntry::model).toList());
    }

    @Test
    void theEndUserReachesTheProviderRequestAndIsAbsentWhenNotGiven() {
        fixture.chatCompletions().complete(whole(null, "hi").withUser("user-1234"), CoreFixture.ALICE);
        assertEquals("user-1234", adapter.lastRequest.get().endUser());

        fixture.chatCompletions().complete(whole(null, "hello"), CoreFixture.ALICE);
        assertNull(adapter.lastRequest.get().endUser());
    }
}
