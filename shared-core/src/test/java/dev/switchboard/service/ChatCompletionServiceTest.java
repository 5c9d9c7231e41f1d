package dev.switchboard.service;

import dev.switchboard.api.ApiException;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.switchboard.service.ChatCalls.allowing;
import static dev.switchboard.service.ChatCalls.simulatedAnswer;
import static dev.switchboard.service.ChatCalls.whole;
import static dev.switchboard.service.ChatCalls.withTools;
import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole (non-streamed) chat completions: OpenAI's shape, the routing fields, pinned models and tools. */
class ChatCompletionServiceTest {

    private static DeploymentConfig withToolSupport(String model, Tier tier) {
        return new DeploymentConfig(model, tier, 100, 100_000, new Capabilities(128_000, true, false, true));
    }

    @Test
    void anAnswerTheCacheWasAskedForIsLedgeredAsAMissOfIt() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.cacheSettings = CacheSettings.defaults();

        fixture.chatCompletions().complete(whole(null, "What is Python?"), CoreFixture.ALICE);
        fixture.chatCompletions().complete(whole(null, "What is Python?"), CoreFixture.ALICE);

        assertEquals(Boolean.TRUE, fixture.ledger.rows.get(0).cacheAsked(), "looked up, and missed");
        assertTrue(fixture.ledger.rows.get(1).cacheHit());
        assertEquals(Boolean.TRUE, fixture.ledger.rows.get(1).cacheAsked());
    }

    @Test
    void answersInOpenAisShapeWithTheRoutingFieldsAndOneLedgerRow() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        ChatCompletionResponse response = fixture.chatCompletions().complete(whole(null, "What is Python?"), CoreFixture.ALICE);

        assertTrue(response.id().startsWith("chatcmpl-"), response.id());
        assertEquals("chat.completion", response.object());
        assertEquals(CoreFixture.NOW.getEpochSecond(), response.created());
        assertEquals("gemini-1.5-flash", response.model());
        assertEquals(1, response.choices().size());
        ChatCompletionResponse.Choice choice = response.choices().get(0);
        assertEquals(0, choice.index());
        assertEquals("assistant", choice.message().role());
        assertEquals(simulatedAnswer("gemini", "gemini-1.5-flash", "What is Python?"), choice.message().content());
        assertTrue(choice.message().toolCalls().isEmpty());
        assertEquals("stop", choice.finishReason());

        ChatCompletionResponse.TokenUsage usage = response.usage();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());

        ChatCompletionResponse.Gateway gateway = response.switchboard();
        assertEquals("gemini", gateway.provider());
        assertEquals("complexity", gateway.strategyUsed());
        assertTrue(Set.of("high", "medium", "low").contains(gateway.confidence()), gateway.confidence());
        double expectedCost = usage.promptTokens() * 7.5e-08 + usage.completionTokens() * 3e-07;
        assertEquals(expectedCost, gateway.cost(), 1e-12);
        assertEquals(expectedCost, gateway.totalCostToday(), 1e-12);
        assertFalse(gateway.cacheHit());
        String requestId = response.id().substring("chatcmpl-".length());
        assertEquals(requestId, gateway.routingMetadata().requestId());
        assertFalse(gateway.routingMetadata().fallbackUsed());
        assertTrue(gateway.routingMetadata().ledgerRecorded());

        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(requestId, row.id(), "the ledger keeps the plain request id, not the chatcmpl- one");
        assertEquals("chat.completions", row.endpoint());
        assertEquals("alice", row.principal());
        assertEquals(LedgerEntry.OK, row.status());
        assertEquals("gemini", row.provider());
        assertEquals(usage.promptTokens(), row.tokensIn());
        assertEquals(usage.completionTokens(), row.tokensOut());
        assertEquals(1, row.attempts());
        assertEquals(Boolean.FALSE, fixture.ledger.rows.get(0).cacheAsked(), "the fixture's cache is off");
    }

    @Test
    void aPinnedModelIsAnsweredByADeploymentOfThatModel() {
        // Routed freely, "hi" goes to the economy tier (gemini); pinned, it must not.
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("openai", 0, deployment("gpt-4o", Tier.PREMIUM))
                .provider("azure", 0, deployment("gpt-4o", Tier.PREMIUM));

        ChatCompletionResponse pinned = fixture.chatCompletions().complete(whole("gpt-4o", "hi"), CoreFixture.ALICE);
        ChatCompletionResponse free = fixture.chatCompletions().complete(whole(null, "hi"), CoreFixture.ALICE);

        assertEquals("gpt-4o", pinned.model());
        assertTrue(Set.of("openai", "azure").contains(pinned.switchboard().provider()), pinned.switchboard().provider());
        assertTrue(pinned.switchboard().routingMetadata().fallbacks().stream().allMatch(l -> l.endsWith("/gpt-4o")),
                pinned.switchboard().routingMetadata().fallbacks().toString());
        assertEquals("gemini-1.5-flash", free.model());
    }

    @Test
    void aPinnedModelWhoseNameIsAnotherDeploymentsLabelIsAnsweredByThatModelNotByTheLabelsDeployment() {
        // OpenRouter's "openai/gpt-4o" is OpenAI's own deployment's label too: pinned, it is OpenRouter's model.
        CoreFixture fixture = new CoreFixture()
                .provider("openai", 0, deployment("gpt-4o", Tier.ECONOMY))
                .provider("openrouter", 0, deployment("openai/gpt-4o", Tier.PREMIUM));

        ChatCompletionResponse viaOpenRouter = fixture.chatCompletions().complete(whole("openai/gpt-4o", "hi"),
                CoreFixture.ALICE);
        ChatCompletionResponse openAis = fixture.chatCompletions().complete(whole("gpt-4o", "hi"), CoreFixture.ALICE);

        assertEquals("openrouter", viaOpenRouter.switchboard().provider());
        assertEquals("openai/gpt-4o", viaOpenRouter.model());
        assertEquals("openai", openAis.switchboard().provider());
    }

    @Test
    void aPinnedModelFailsOverOnlyAmongItsOwnDeployments() {
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("openai", 1.0, deployment("gpt-4o", Tier.PREMIUM))
                .provider("azure", 1.0, deployment("gpt-4o", Tier.PREMIUM));

        NoProviderAvailableException e = assertThrows(NoProviderAvailableException.class,
                () -> fixture.chatCompletions().complete(whole("gpt-4o", "hi"), CoreFixture.ALICE));

        assertEquals(Set.of("openai/gpt-4o (unavailable)", "azure/gpt-4o (unavailable)"), Set.copyOf(e.tried()));
        assertEquals(2, e.tried().size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("chat.completions", row.endpoint());
        assertEquals(2, row.attempts());
    }

    @Test
    void aFailureInsideTheGatewayIsLedgeredAndChargesNothing() {
        CoreFixture fixture = new CoreFixture()
                .adaptedProvider("buggy", ScriptedStreamAdapter.failingInside("never"),
                        deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("anthropic", 0, deployment("claude-3-5-haiku-20241022", Tier.STANDARD));

        assertThrows(IllegalStateException.class,
                () -> fixture.chatCompletions().complete(whole(null, "hi"), CoreFixture.ALICE));

        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals(CompletionAccounting.INTERNAL_ERROR, row.errorType());
        assertEquals("chat.completions", row.endpoint());
        assertEquals(1, row.attempts());
        assertEquals(0, fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW).signum());
    }

    @Test
    void anUnknownPinnedModelIsA404OnTheModelFieldAsOpenAiAnswersIt() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        ApiException e = assertThrows(ApiException.class,
                () -> fixture.chatCompletions().complete(whole("gpt-5-imaginary", "hi"), CoreFixture.ALICE));

        assertEquals(404, e.status());
        assertEquals("model_not_found", e.type());
        assertEquals("model", e.field());
        assertTrue(fixture.ledger.rows.isEmpty(), "nothing was routed");
    }

    @Test
    void aPinnedModelWithAnAllowListIsRefusedOnTheAllowField() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> fixture.chatCompletions().complete(allowing("gpt-4o", List.of("openai")), CoreFixture.ALICE));

        assertEquals(400, e.status());
        assertEquals("allow", e.field());
    }

    @Test
    void anAllowListRoutesWithinItWhenTheModelIsAuto() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        ChatCompletionResponse response = fixture.chatCompletions().complete(allowing(null, List.of("anthropic")),
                CoreFixture.ALICE);

        assertEquals("anthropic", response.switchboard().provider());
    }

    @Test
    void toolsInTheRequestPassOverDeploymentsThatCannotTakeThem() {
        CoreFixture fixture = new CoreFixture()
                .provider("gemini", 0, deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("openai", 0, withToolSupport("gpt-4o-mini", Tier.ECONOMY));

        ChatCompletionResponse withTools = fixture.chatCompletions().complete(withTools("hi"), CoreFixture.ALICE);
        ChatCompletionResponse without = fixture.chatCompletions().complete(whole(null, "hi"), CoreFixture.ALICE);

        assertEquals("openai", withTools.switchboard().provider());
        assertEquals("gpt-4o-mini", withTools.model());
        assertEquals("gemini", without.switchboard().provider(), "without tools the cheapest deployment answers");
    }

    @Test
    void maxCostCountsTheToolDefinitionsAProviderWillBillNotJustTheMessagesText() {
        CoreFixture fixture = new CoreFixture().provider("openai", 0, withToolSupport("gpt-4o-mini", Tier.ECONOMY));
        // "hi" is one token (with its 100-token answer, $0.00006 at most); a 40,000-character tool description is
        // about 10,000 more, $0.0015 at gpt-4o-mini's $0.15 per million input tokens: over the $0.0005 ceiling.
        ChatCompletionRequest request = ChatCalls.withLongToolUnder(40_000, 0.0005);

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> fixture.chatCompletions().complete(request, CoreFixture.ALICE));

        assertTrue(e.getMessage().contains("gpt-4o-mini may cost up to $0.0015"), e.getMessage());
        assertTrue(fixture.ledger.rows.isEmpty(), "nothing was routed");
    }

    @Test
    void toolsWithNoDeploymentThatTakesThemIsA422NamingWhy() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> fixture.chatCompletions().complete(withTools("hi"), CoreFixture.ALICE));

        assertEquals(422, e.status());
        assertEquals("no_eligible_deployment", e.type());
        assertTrue(e.getMessage().contains("does not support tools"), e.getMessage());
    }

    @Test
    void anAnswerThatOnlyAsksForToolsHasNullContentAndTheCalls() {
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
        CoreFixture fixture = new CoreFixture().adaptedProvider("tooly",
                ScriptedStreamAdapter.askingForTools(List.of(call)), withToolSupport("gpt-4o-mini", Tier.ECONOMY));

        ChatCompletionResponse response = fixture.chatCompletions().complete(withTools("weather in Paris?"), CoreFixture.ALICE);

        ChatCompletionResponse.Choice choice = response.choices().get(0);
        assertNull(choice.message().content());
        assertEquals("tool_calls", choice.finishReason());
        ChatCompletionResponse.ToolCallOut out = choice.message().toolCalls().get(0);
        assertNull(out.index(), "a whole answer's tool calls carry no index");
        assertEquals("call_1", out.id());
        assertEquals("function", out.type());
        assertEquals("get_weather", out.function().name());
        assertEquals("{\"city\":\"Paris\"}", out.function().arguments());
    }
}
