package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.SimulatedProvider;
import dev.switchboard.provider.ToolDefinition;

import java.util.List;
import java.util.Set;

/**
 * Chat completion requests as the parser would build them, and the answer a simulated provider of
 * {@link dev.switchboard.testsupport.CoreFixture} gives, computed independently of the service.
 */
final class ChatCalls {

    static final int MAX_TOKENS = 1000;
    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Current weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");

    private ChatCalls() {
    }

    /** model null means "auto". */
    static ChatCompletionRequest whole(String model, String prompt) {
        return request(model, prompt, List.of(), false, false, RoutingPreferences.NONE);
    }

    static ChatCompletionRequest withTools(String prompt) {
        return request(null, prompt, List.of(WEATHER), false, false, RoutingPreferences.NONE);
    }

    static ChatCompletionRequest streamed(String model, String prompt, boolean includeUsage) {
        return request(model, prompt, List.of(), true, includeUsage, RoutingPreferences.NONE);
    }

    /** "hi" with one tool whose description is {@code descriptionChars} long, under a cost ceiling. */
    static ChatCompletionRequest withLongToolUnder(int descriptionChars, double maxCost) {
        ToolDefinition verbose = new ToolDefinition("lookup", "x".repeat(descriptionChars),
                "{\"type\":\"object\",\"properties\":{}}");
        return new ChatCompletionRequest(null, List.of(ChatMessage.user("hi")), 100, null, List.of(verbose), false,
                false, false, new RoutingPreferences(null, null, maxCost, null, List.of(), List.of(), Set.of()));
    }

    /** {@code prompt} with an SLA target of {@code slaMs}, streamed or not. */
    static ChatCompletionRequest underSla(String prompt, long slaMs, boolean stream) {
        return request(null, prompt, List.of(), stream, false,
                new RoutingPreferences(null, null, null, slaMs, List.of(), List.of(), Set.of()));
    }

    static ChatCompletionRequest allowing(String model, List<String> allow) {
        return request(model, "hi", List.of(), false, false,
                new RoutingPreferences(null, null, null, null, allow, List.of(), Set.of()));
    }

    private static ChatCompletionRequest request(String model, String prompt, List<ToolDefinition> tools,
                                                 boolean stream, boolean includeUsage, RoutingPreferences routing) {
        return new ChatCompletionRequest(model, List.of(ChatMessage.user(prompt)), MAX_TOKENS, null, tools, stream,
                includeUsage, false, routing);
    }

    /** What the fixture's simulated provider {@code provider} answers with {@code model} to {@code prompt}. */
    static String simulatedAnswer(String provider, String model, String prompt) {
        SimulatedProvider simulated = new SimulatedProvider(provider, new SimulationConfig(0, 0, 7), Set.of(model),
                new EstimatingTokenCounter(), duration -> { });
        return simulated.complete(new ChatRequest(model, List.of(ChatMessage.user(prompt)), MAX_TOKENS)).text();
    }
}
