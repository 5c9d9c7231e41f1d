package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.AnsweringAdapter;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.service.ChatCalls.streamed;
import static dev.switchboard.service.ChatCalls.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response cache as /complete and /v1/chat/completions use it, over in-memory state. */
class ResponseCacheInTheRequestPathTest {

    private static CoreFixture cached() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.cacheSettings = CacheSettings.defaults();
        return fixture;
    }

    @Test
    void theSameCompleteRequestAgainIsAFreeHitThatSpendsNothing() {
        CoreFixture fixture = cached();
        CompleteRequest ask = new CompleteRequest("What is Python?", 300, false, null);

        CompleteResponse first = fixture.completions().complete(ask, CoreFixture.ALICE);
        CompleteResponse again = fixture.completions().complete(ask, CoreFixture.ALICE);

        assertFalse(first.cacheHit());
        assertTrue(again.cacheHit());
        assertEquals(0.0, again.cost());
        assertEquals(first.response(), again.response());
        assertEquals(first.provider(), again.provider());
        assertEquals(first.cost(), again.totalCostToday(), 1e-12);
        assertEquals(first.cost(), fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW)
                .doubleValue(), 1e-12);
        LedgerEntry hitRow = fixture.ledger.rows.get(1);
        assertTrue(hitRow.cacheHit());
        assertEquals(0, hitRow.cost().signum());
        assertTrue(hitRow.baselineCost().signum() > 0, "the row says what the hit saved");
        assertTrue(again.routingMetadata().reasoning().contains("response cache"));
    }

    @Test
    void anythingThatChangesTheAnswerIsAMiss() {
        CoreFixture fixture = cached();
        fixture.completions().complete(new CompleteRequest("What is Python?", 300, false, null), CoreFixture.ALICE);

        assertFalse(fixture.completions().complete(new CompleteRequest("What is Python?", 301, false, null),
                CoreFixture.ALICE).cacheHit(), "another answer budget");
        assertFalse(fixture.completions().complete(new CompleteRequest("What is Python?", 300, true, null),
                CoreFixture.ALICE).cacheHit(), "another routing mode");
        assertFalse(fixture.completions().complete(new CompleteRequest("What is Java?", 300, false, null),
                CoreFixture.ALICE).cacheHit(), "another prompt");
        assertFalse(fixture.completions().complete(new CompleteRequest("What is Python?", 300, false, null),
                new Caller("bob", null, null, null, false)).cacheHit(), "another user: entries are per principal");
    }

    @Test
    void aNameHoldingACommaIsNotTwoNames() {
        ResponseCaching caching = new ResponseCaching(CacheSettings.defaults());
        CompleteRequest denyingOneOddName = new CompleteRequest("hi", 300, false, null, deny("gemini,zzz"));
        CompleteRequest denyingGemini = new CompleteRequest("hi", 300, false, null, deny("zzz", "gemini"));

        assertNotEquals(caching.keyOf(denyingOneOddName, CoreFixture.ALICE), caching.keyOf(denyingGemini, CoreFixture.ALICE),
                "deny [\"gemini,zzz\"] denies no configured provider; deny [\"zzz\", \"gemini\"] denies gemini");
        assertEquals(caching.keyOf(denyingGemini, CoreFixture.ALICE),
                caching.keyOf(new CompleteRequest("hi", 300, false, null, deny("gemini", "zzz")), CoreFixture.ALICE),
                "the order of a list does not matter");
    }

    private static RoutingPreferences deny(String... names) {
        return new RoutingPreferences(null, null, null, null, List.of(), List.of(names), java.util.Set.of());
    }

    @Test
    void anEntryExpiresAfterItsTtl() {
        CoreFixture fixture = cached();
        CompleteRequest ask = new CompleteRequest("What is Python?", 300, false, null);
        fixture.completions().complete(ask, CoreFixture.ALICE);

        fixture.clock.advance(CacheSettings.DEFAULT_TTL.minusSeconds(1));
        assertTrue(fixture.completions().complete(ask, CoreFixture.ALICE).cacheHit());
        fixture.clock.advance(Duration.ofSeconds(1));

        assertFalse(fixture.completions().complete(ask, CoreFixture.ALICE).cacheHit());
    }

    @Test
    void aChatCompletionHitsLikeAPrompt() {
        CoreFixture fixture = cached();

        ChatCompletionResponse first = fixture.chatCompletions().complete(whole(null, "What is Python?"),
                CoreFixture.ALICE);
        ChatCompletionResponse again = fixture.chatCompletions().complete(whole(null, "What is Python?"),
                CoreFixture.ALICE);

        assertFalse(first.switchboard().cacheHit());
        assertTrue(again.switchboard().cacheHit());
        assertEquals(0.0, again.switchboard().cost());
        assertEquals(first.choices().get(0).message().content(), again.choices().get(0).message().content());
    }

    @Test
    void anAnswerCutAtTheDefaultBudgetIsAskedForAgainButOneCutAtTheCallersOwnIsAHit() {
        CoreFixture fixture = new CoreFixture().adaptedProvider("openai", alwaysCut(),
                CoreFixture.deployment("gpt-4o-mini", Tier.ECONOMY));
        fixture.cacheSettings = CacheSettings.defaults();
        List<ChatMessage> story = List.of(ChatMessage.user("Tell me a long story"));
        ChatCompletionRequest byDefault = new ChatCompletionRequest(null, story, 4096, false, null, List.of(), false,
                false, false, RoutingPreferences.NONE, null);
        ChatCompletionRequest ownBudget = new ChatCompletionRequest(null, story, 4096, true, null, List.of(), false,
                false, false, RoutingPreferences.NONE, null);

        fixture.chatCompletions().complete(byDefault, CoreFixture.ALICE);
        ChatCompletionResponse defaultAgain = fixture.chatCompletions().complete(byDefault, CoreFixture.ALICE);
        fixture.chatCompletions().complete(ownBudget, CoreFixture.ALICE);
        ChatCompletionResponse ownAgain = fixture.chatCompletions().complete(ownBudget, CoreFixture.ALICE);

        // A default budget is fitted to the deployment that answered: another, next time, may answer longer.
        assertFalse(defaultAgain.switchboard().cacheHit());
        assertTrue(ownAgain.switchboard().cacheHit(), "the caller's own max_tokens is in the key");
    }

    /** An adapter whose every answer runs out of its max_tokens. */
    private static ProviderAdapterFactory alwaysCut() {
        return AnsweringAdapter.of("test-always-cut", (provider, request) -> new ChatResponse("Once upon a time",
                request.model(), new Usage(5, request.maxTokens()), FinishReason.LENGTH));
    }

    @Test
    void aJsonAnswerATextAnswerAndAnotherSchemaToTheSamePromptAreThreeKeys() {
        ResponseCaching caching = new ResponseCaching(CacheSettings.defaults());
        ChatCompletionRequest text = whole(null, "Name a city as JSON");

        CacheKey asText = caching.keyOf(text, CoreFixture.ALICE);
        CacheKey asObject = caching.keyOf(formatted(text, ResponseFormat.JSON_OBJECT), CoreFixture.ALICE);
        CacheKey asSchema = caching.keyOf(formatted(text, ResponseFormat.jsonSchema("city", "{}", null, null)),
                CoreFixture.ALICE);

        assertEquals(3, java.util.Set.of(asText, asObject, asSchema).size());
        assertEquals(asText, caching.keyOf(formatted(text, ResponseFormat.TEXT), CoreFixture.ALICE),
                "text spelt out is the default's key");
    }

    private static ChatCompletionRequest formatted(ChatCompletionRequest r, ResponseFormat format) {
        return new ChatCompletionRequest(r.model(), r.messages(), r.maxTokens(), r.maxTokensGiven(), r.temperature(),
                r.tools(), false, false, false, r.routing(), null, r.toolChoice(),
                new GenerationOptions(null, List.of(), format));
    }

    @Test
    void streamsAreNeitherServedFromTheCacheNorStored() {
        CoreFixture fixture = cached();
        fixture.chatCompletions().complete(whole(null, "What is Python?"), CoreFixture.ALICE);
        List<Object> chunks = new ArrayList<>();

        fixture.chatCompletions().stream(streamed(null, "What is Python?", false), CoreFixture.ALICE, chunks::add);

        LedgerEntry streamedRow = fixture.ledger.rows.get(1);
        assertFalse(streamedRow.cacheHit());
        assertTrue(streamedRow.cost().signum() > 0);
    }
}
