package dev.switchboard.provider;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.cost.TokenCounter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageEstimateTest {

    private final TokenCounter tokens = new EstimatingTokenCounter();
    private final ToolDefinition weather = new ToolDefinition("get_weather", "Current weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    @Test
    void theToolsOfferedCountAsPrompt() {
        List<ChatMessage> messages = List.of(ChatMessage.user("What is the weather in Paris?"));
        ChatRequest plain = new ChatRequest("m", messages, 64);
        ChatRequest withTools = new ChatRequest("m", messages, 64, null, List.of(weather), null);

        Usage without = UsageEstimate.of(tokens, plain, "Sunny.");
        Usage with = UsageEstimate.of(tokens, withTools, "Sunny.");

        int toolText = tokens.count("m", weather.name() + weather.description() + weather.parametersJson()).tokens();
        assertTrue(toolText > 0);
        assertEquals(without.inputTokens() + toolText, with.inputTokens());
        assertEquals(without.outputTokens(), with.outputTokens());
    }

    @Test
    void toolCallArgumentsCountAsAnswer() {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Weather?")), 64);
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");

        Usage usage = UsageEstimate.of(tokens, request, "", List.of(call));

        assertEquals(tokens.count("m", "get_weather{\"city\":\"Paris\"}").tokens(), usage.outputTokens());
    }
}
