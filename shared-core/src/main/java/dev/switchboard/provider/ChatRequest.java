package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;

/**
 * A provider-neutral chat request for one model: the conversation, the answer budget, an optional
 * sampling temperature (null leaves the provider's default) and the tools the model may call.
 */
public record ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                          List<ToolDefinition> tools) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        }
    }

    /** A request with the provider's default temperature and no tools. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens) {
        this(model, messages, maxTokens, null, List.of());
    }
}
