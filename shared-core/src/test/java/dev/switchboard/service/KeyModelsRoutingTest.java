package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.ModelList;
import dev.switchboard.api.ModelNotFoundException;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A virtual key limited to some models: every way a request is routed (a prompt, a chat completion auto-routed or
 * pinned, the previews, the response cache, the model list) stays among the deployments the key may use.
 */
class KeyModelsRoutingTest {

    /** A prompt the complexity rule sends to the premium tier when it may. */
    private static final String HARD = "Design a distributed consensus algorithm that tolerates Byzantine faults, "
            + "prove its safety and liveness step by step, analyse its message complexity and compare it with PBFT, "
            + "HotStuff and Tendermint under partial synchrony, with code for the leader election.";

    private static Caller limitedTo(String... models) {
        return new Caller("alice", "vk_limited", null, null, false, List.of(models));
    }

    private final CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

    @Test
    void aPromptTheRuleSendsToPremiumIsAnsweredByTheKeysEconomyModel() {
        CompleteRequest hard = new CompleteRequest(HARD, 200, false, null);
        CompletionService completions = fixture.completions();

        CompleteResponse open = completions.complete(hard, CoreFixture.ALICE);
        CompleteResponse limited = completions.complete(hard, limitedTo("gpt-4o-mini"));

        assertFalse(open.model().equals("gpt-4o-mini"), "unlimited, the rule picks another model: " + open.model());
        assertEquals("gpt-4o-mini", limited.model());
        assertEquals("openai", limited.provider());
    }

    @Test
    void theRequestsAllowListNarrowsTheKey() {
        RoutingPreferences miniOnly = new RoutingPreferences(null, null, null, null, List.of("gpt-4o-mini"),
                List.of(), Set.of());
        CompletionService completions = fixture.completions();

        CompleteResponse keyAlone = completions.complete(new CompleteRequest(HARD, 200, false, null), limitedTo("openai"));
        CompleteResponse narrowed = completions.complete(new CompleteRequest(HARD, 200, false, null, miniOnly),
                limitedTo("openai"));

        assertEquals("gpt-4o", keyAlone.model(), "the key's strongest model, for a hard prompt");
        assertEquals("gpt-4o-mini", narrowed.model());
    }

    @Test
    void theRequestsAllowListCannotWidenTheKey() {
        RoutingPreferences anthropicOnly = new RoutingPreferences(null, null, null, null, List.of("anthropic"),
                List.of(), Set.of());

        NoEligibleDeploymentException refused = assertThrows(NoEligibleDeploymentException.class,
                () -> fixture.completions().complete(new CompleteRequest("hi", 200, false, null, anthropicOnly),
                        limitedTo("openai")));

        assertEquals(422, refused.status());
        assertTrue(refused.getMessage().contains("not among the models the caller's key may use"),
                refused.getMessage());
        assertTrue(fixture.ledger.rows.isEmpty(), "refused before any call or reservation");
    }

    @Test
    void aChatCompletionAutoRoutedStaysAmongTheKeysModels() {
        ChatCompletionResponse answer = fixture.chatCompletions().complete(ChatCalls.whole(null, HARD),
                limitedTo("anthropic/claude-3-5-haiku-20241022"));

        assertEquals("claude-3-5-haiku-20241022", answer.model());
    }

    @Test
    void aPinnedModelTheKeyMayNotUseIs403NamingWhatItMayUse() {
        ApiException refused = assertThrows(ApiException.class, () -> fixture.chatCompletions()
                .complete(ChatCalls.whole("gpt-4o", "hi"), limitedTo("gemini", "gpt-4o-mini")));

        assertEquals(403, refused.status());
        assertEquals("model_not_allowed", refused.type());
        assertEquals("model", refused.field());
        assertTrue(refused.getMessage().contains("it may use gemini-1.5-flash, gpt-4o-mini,"), "the models it may "
                + "pin, not its entries: " + refused.getMessage());
        assertTrue(fixture.ledger.rows.isEmpty(), "refused before routing");
    }

    @Test
    void aStreamStaysAmongTheKeysModelsAndAPinnedOneItMayNotUseIs403BeforeAnyChunk() {
        ChatCompletionService chat = fixture.chatCompletions();
        List<dev.switchboard.api.ChatCompletionChunk> chunks = new java.util.ArrayList<>();

        chat.stream(ChatCalls.streamed(null, HARD, false), limitedTo("gemini"), chunks::add);
        ApiException refused = assertThrows(ApiException.class, () -> chat.stream(ChatCalls.streamed("gpt-4o", "hi",
                false), limitedTo("gemini"), chunk -> { throw new AssertionError("no chunk may be sent"); }));

        assertEquals("gemini-1.5-flash", chunks.get(0).model());
        assertEquals("model_not_allowed", refused.type());
    }

    @Test
    void whenTheKeysDeploymentsFailNoOtherIsAsked() {
        CoreFixture geminiDown = CoreFixture.builtInLineUp(1.0, 0, 0);

        ApiException failed = assertThrows(ApiException.class, () -> geminiDown.completions()
                .complete(new CompleteRequest("hi", 200, false, null), limitedTo("gemini")));
        CompleteResponse fellBack = geminiDown.completions().complete(new CompleteRequest("hi", 200, false, null),
                limitedTo("gemini", "anthropic/claude-3-5-haiku-20241022"));

        assertEquals(503, failed.status());
        assertTrue(failed.getMessage().contains("gemini/gemini-1.5-flash"), failed.getMessage());
        assertFalse(failed.getMessage().contains("openai") || failed.getMessage().contains("anthropic"),
                failed.getMessage());
        assertEquals("claude-3-5-haiku-20241022", fellBack.model(), "the key's other deployment, not openai's");
        assertTrue(fellBack.routingMetadata().fallbackUsed());
    }

    @Test
    void aPinnedModelIsServedByTheDeploymentsOfItTheKeyMayUse() {
        fixture.provider("azure", 0, CoreFixture.deployment("gpt-4o", dev.switchboard.routing.Tier.PREMIUM));

        ChatCompletionResponse answer = fixture.chatCompletions().complete(ChatCalls.whole("gpt-4o", "hi"),
                limitedTo("azure/gpt-4o"));

        assertEquals("gpt-4o", answer.model());
        assertEquals("azure", fixture.ledger.rows.get(0).provider(), "not openai's deployment of the same model");
    }

    @Test
    void thePreviewsDecideAmongTheKeysModelsAndSayWhyTheOthersWereLeftOut() {
        DecisionService decisions = fixture.decisions();

        RecommendationResponse recommended = decisions.recommend(HARD, 200, RoutingPreferences.NONE,
                limitedTo("gemini"));
        DecisionResponse explained = decisions.explain(HARD, 200, false, RoutingPreferences.NONE, limitedTo("gemini"));

        assertEquals("gemini-1.5-flash", recommended.model());
        assertEquals("gemini-1.5-flash", explained.decision().model());
        assertEquals(4, explained.metadata().excluded().size(), "every other deployment: " + explained.metadata());
        explained.metadata().excluded().forEach(excluded ->
                assertEquals("is not among the models the caller's key may use", excluded.reason()));
    }

    @Test
    void aLimitedKeyIsNotAnsweredFromAnotherKeysCachedAnswerOfTheSameUser() {
        fixture.cacheSettings = fixture.cacheSettings.withEnabled(true);
        CompletionService completions = fixture.completions();
        CompleteRequest hard = new CompleteRequest(HARD, 200, false, null);

        CompleteResponse open = completions.complete(hard, CoreFixture.ALICE);
        CompleteResponse limited = completions.complete(hard, limitedTo("gpt-4o-mini"));
        CompleteResponse limitedAgain = completions.complete(hard, limitedTo("gpt-4o-mini"));
        CompleteResponse openAgain = completions.complete(hard, CoreFixture.ALICE);

        assertFalse(limited.cacheHit(), "the unlimited key's answer came from " + open.model());
        assertEquals("gpt-4o-mini", limited.model());
        assertTrue(limitedAgain.cacheHit(), "a key with the same models shares its user's cache");
        assertTrue(openAgain.cacheHit());
        assertEquals(open.model(), openAgain.model());
    }

    @Test
    void theModelListAndTheProvidersShowALimitedKeyOnlyTheDeploymentsItMayUse() {
        SharedStateParts parts = new SharedStateParts().simulated("openai", 0, "gpt-4o-mini", "gpt-4o")
                .simulated("azure", 0, "gpt-4o");
        SharedStateParts.Instance instance = parts.instance(fixture.latency, new dev.switchboard.state.memory
                .InMemoryHealthStore(), fixture.clock);
        ProviderCatalog catalog = parts.catalog();
        CatalogService service = new CatalogService(catalog, SharedStateParts.PRICES, instance.cache(),
                instance.breakers());

        ModelList all = service.models(Caller.ANONYMOUS);
        ModelList limited = service.models(limitedTo("azure/gpt-4o"));

        assertEquals(List.of("auto", "gpt-4o-mini", "gpt-4o"), all.data().stream().map(ModelList.Model::id).toList());
        assertEquals(List.of("auto", "gpt-4o"), limited.data().stream().map(ModelList.Model::id).toList());
        assertEquals("azure", limited.data().get(1).ownedBy(), "the provider the key may use");
        assertEquals("azure", service.model("gpt-4o", limitedTo("azure/gpt-4o")).ownedBy(), "one model, as listed");
        assertEquals(404, assertThrows(ModelNotFoundException.class,
                () -> service.model("gpt-4o-mini", limitedTo("azure/gpt-4o"))).status(),
                "a model the key may not use is not found, as OpenAI answers a model one cannot use");
        ProvidersResponse providers = service.providers(limitedTo("azure/gpt-4o", "openai/gpt-4o-mini"));
        assertEquals(List.of("openai/gpt-4o-mini", "azure/gpt-4o"), providers.providers().stream()
                .flatMap(p -> p.deployments().stream().map(d -> p.name() + "/" + d.model())).toList());
        assertEquals(2, service.providers(Caller.ANONYMOUS).providers().get(0).deployments().size());
        assertEquals(List.of("azure"), service.providers(limitedTo("azure")).providers().stream()
                .map(ProvidersResponse.Provider::name).toList(), "a provider with none the key may use is left out");
    }
}
