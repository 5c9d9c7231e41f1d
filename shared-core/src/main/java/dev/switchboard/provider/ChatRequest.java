package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;

/** A provider-neutral chat request for one model. */
public record ChatRequest(String model, List<ChatMessage> messages, int maxTokens) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}
