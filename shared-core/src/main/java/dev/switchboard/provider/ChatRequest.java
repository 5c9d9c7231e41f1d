package dev.switchboard.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A provider-neutral chat request for one model: the conversation, the answer budget, an optional
 * sampling temperature (null leaves the provider's default), the tools the model may call, and the
 * whole request's deadline (null when none), which no single call may outlast.
 */
public record ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                          List<ToolDefinition> tools, Instant deadline) {

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

    /** A request without a deadline of its own. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                       List<ToolDefinition> tools) {
        this(model, messages, maxTokens, temperature, tools, null);
    }

    /** The same request, to be answered by {@code at}. */
    public ChatRequest withDeadline(Instant at) {
        return new ChatRequest(model, messages, maxTokens, temperature, tools, at);
    }

    /** A request with the provider's default temperature and no tools. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens) {
        this(model, messages, maxTokens, null, List.of());
    }
}
