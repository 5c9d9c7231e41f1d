package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One turn of a conversation in the unified model. Role is system, user, assistant or tool; an
 * assistant turn may carry the tool calls it asked for, and a tool turn names the call it answers.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {

    public static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of system, user, assistant, tool: " + role);
        }
        toolCalls = List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && !role.equals("assistant")) {
            throw new IllegalArgumentException("only an assistant turn carries tool calls");
        }
        if (role.equals("tool") != (toolCallId != null)) {
            throw new IllegalArgumentException("a tool turn, and only a tool turn, names the call it answers");
        }
    }

    /** A plain text turn. */
    public ChatMessage(String role, String content) {
        this(role, content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
