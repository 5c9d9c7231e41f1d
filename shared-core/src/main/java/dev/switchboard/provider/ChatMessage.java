package dev.switchboard.provider;

import java.util.Objects;

/** One turn of a conversation in the unified model: role is system, user or assistant. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
