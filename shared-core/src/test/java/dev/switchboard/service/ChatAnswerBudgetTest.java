package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chat completion's answer budget: one the caller set must fit the model's longest answer (routing
 * leaves out the models that cannot give it); the default, for a caller who set none, is cut to each
 * model's longest answer instead of refusing it.
 */
class ChatAnswerBudgetTest {

    private final CapturingAdapter capturing = new CapturingAdapter();
    /** What each deployment was asked, in order. */
    private final List<ChatRequest> sent = capturing.sent;

    /** An economy model that answers at most 2,048 tokens, and a premium one that answers up to 32,768. */
    private CoreFixture lineUp() {
        CoreFixture fixture = new CoreFixture();
        fixture.prices = new PriceTable("test", Map.of(
                "short-model", new ModelPrice(1e-07, 4e-07, 0, 0, 0, 200_000, "test", "chat"),
                "long-model", new ModelPrice(3e-06, 1.5e-05, 0, 0, 0, 200_000, "test", "chat"),
                "gpt-4o", new ModelPrice(2.5e-06, 1e-05, 0, 0, 0, 128_000, "test", "chat")));
        fixture.adaptedProvider("short", capturing, deployment("short-model", Tier.ECONOMY, 2_048));
        fixture.adaptedProvider("long", capturing, deployment("long-model", Tier.PREMIUM, 32_768));
        return fixture;
    }

    private static DeploymentConfig deployment(String model, Tier tier, int maxOutputTokens) {
        return new DeploymentConfig(model, tier, 100, 10_000_000, new Capabilities(200_000, true, false, true,
                maxOutputTokens));
    }

    private static ChatCompletionRequest chat(int maxTokens, boolean given, String strategy) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.user("hi")), maxTokens, given, null, List.of(),
                false, false, false, new RoutingPreferences(strategy, null, null, null, List.of(), List.of(), Set.of()),
                null);
    }

    @Test
    void theDefaultIsCutToTheModelsLongestAnswer() {
        CoreFixture fixture = lineUp();

        ChatCompletionResponse answer = fixture.chatCompletions().complete(chat(4_096, false, "cost-based"),
                CoreFixture.ALICE);

        assertEquals("short-model", answer.model(), "the cheapest still answers a caller who set no budget");
        assertEquals(2_048, sent.get(0).maxTokens(), "not the 4,096 default the model would refuse");
    }

    @Test
    void theDefaultGoesAsItIsWhereTheModelCanAnswerThatLong() {
        CoreFixture fixture = lineUp();
        ChatCompletionRequest pinned = new ChatCompletionRequest("long-model", List.of(ChatMessage.user("hi")), 4_096,
                false, null, List.of(), false, false, false, RoutingPreferences.NONE, null);

        fixture.chatCompletions().complete(pinned, CoreFixture.ALICE);

        assertEquals(4_096, sent.get(0).maxTokens());
    }

    @Test
    void theDefaultIsCutToTheRoomAWindowLeavesAndTheReservationHoldsWhatIsSent() {
        CoreFixture fixture = new CoreFixture();
        // A small local model: a 4,096-token window, no known longest answer, and 4,096 tokens a minute, which
        // the prompt plus the default (4,096) would pass: only the prompt plus what is sent fits.
        fixture.adaptedProvider("local", capturing, new DeploymentConfig("small-model", Tier.ECONOMY, 100, 4_096,
                new Capabilities(4_096, false, false, true)));

        ChatCompletionResponse answer = fixture.chatCompletions().complete(chat(4_096, false, null), CoreFixture.ALICE);

        assertEquals("small-model", answer.model(), "the default alone does not fill the window");
        int sent = this.sent.get(0).maxTokens();
        assertTrue(sent < 4_096 && sent > 4_000, "the window less the prompt: " + sent);
        assertEquals(1, fixture.ledger.rows.size());
    }

    @Test
    void aWindowWithoutRoomForAnAnswerWorthSendingIsLeftOutEvenForTheDefault() {
        CoreFixture fixture = new CoreFixture();
        fixture.adaptedProvider("tiny", capturing, new DeploymentConfig("tiny-model", Tier.ECONOMY, 100, 100_000,
                new Capabilities(300, false, false, true)));

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> fixture.chatCompletions().complete(chat(4_096, false, null), CoreFixture.ALICE));

        assertTrue(e.getMessage().contains("prompt and the least answer"), e.getMessage());
    }

    @Test
    void aBudgetTheCallerSetLeavesOutTheModelsThatCannotAnswerThatLong() {
        CoreFixture fixture = lineUp();

        ChatCompletionResponse answer = fixture.chatCompletions().complete(chat(8_000, true, "cost-based"),
                CoreFixture.ALICE);

        assertEquals("long-model", answer.model(), "the cheaper model answers at most 2,048 tokens");
        assertEquals(List.of(8_000), sent.stream().map(ChatRequest::maxTokens).toList(), "sent as the caller set it");
    }

    @Test
    void aPromptsMaxTokensIsTheCallersToo() {
        CoreFixture fixture = lineUp();

        CompleteResponse answer = fixture.completions().complete(new CompleteRequest("hi", 3_000, false, null,
                new RoutingPreferences("cost-based", null, null, null, List.of(), List.of(), Set.of())), CoreFixture.ALICE);

        assertEquals("long-model", answer.model(), "the cheaper model answers at most 2,048 tokens");
        assertEquals(List.of(3_000), sent.stream().map(ChatRequest::maxTokens).toList());
    }

    @Test
    void aBudgetNoModelCanAnswerIsA422NamingEachAndWhy() {
        CoreFixture fixture = lineUp();

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> fixture.chatCompletions().complete(chat(50_000, true, null), CoreFixture.ALICE));

        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("answers at most 2048 tokens, fewer than the 50000 max_tokens asks for"),
                e.getMessage());
        assertTrue(e.getMessage().contains("answers at most 32768 tokens"), e.getMessage());
        assertTrue(sent.isEmpty(), "no provider was asked");
    }
}
