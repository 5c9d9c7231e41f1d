package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A chat completion's tool_choice reaches the deployment that answers, and is part of the cache key. */
class ChatToolChoiceTest {

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", null, "{\"type\":\"object\"}");

    private final CapturingAdapter capturing = new CapturingAdapter();

    private CoreFixture withTools() {
        CoreFixture fixture = new CoreFixture();
        fixture.adaptedProvider("tooled", capturing, new DeploymentConfig("gpt-4o", Tier.PREMIUM, 100, 1_000_000,
                new Capabilities(128_000, true, false, true)));
        return fixture;
    }

    private static ChatCompletionRequest asking(ToolChoice choice) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.user("Weather in Oslo?")), 100, true, null,
                List.of(WEATHER), false, false, false, RoutingPreferences.NONE, null, choice, null);
    }

    @Test
    void theChoiceReachesTheDeployment() {
        CoreFixture fixture = withTools();

        fixture.chatCompletions().complete(asking(ToolChoice.function("get_weather")), CoreFixture.ALICE);
        fixture.chatCompletions().complete(asking(ToolChoice.NONE), CoreFixture.ALICE);

        assertEquals(List.of(ToolChoice.function("get_weather"), ToolChoice.NONE),
                capturing.sent.stream().map(r -> r.toolChoice()).toList());
    }

    @Test
    void anotherChoiceIsAnotherCacheEntry() {
        CoreFixture fixture = withTools();
        fixture.cacheSettings = CacheSettings.defaults();

        fixture.chatCompletions().complete(asking(ToolChoice.AUTO), CoreFixture.ALICE);

        assertFalse(fixture.chatCompletions().complete(asking(ToolChoice.REQUIRED), CoreFixture.ALICE).switchboard()
                .cacheHit(), "a call was asked for: the answer may differ");
        assertEquals(2, capturing.sent.size());
    }
}
