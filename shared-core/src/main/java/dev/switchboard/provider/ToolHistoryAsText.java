package dev.switchboard.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation's earlier tool calls and results told as text, for a request that offers the model no
 * tools: Anthropic and Bedrock's Converse refuse tool-call and tool-result blocks without tools
 * configured (a summary or compaction of an agent's session sends such a history without tools). An
 * assistant turn keeps its text and says what it called, with the arguments; a tool turn becomes a user
 * turn saying what the call returned.
 */
public final class ToolHistoryAsText {

    private ToolHistoryAsText() {
    }

    /** True when a turn calls a tool or answers a call. */
    public static boolean holdsToolTurns(List<ChatMessage> messages) {
        return messages.stream().anyMatch(m -> m.role().equals("tool") || !m.toolCalls().isEmpty());
    }

    /** {@code messages} with every tool call and result as text; the same list when there is none. */
    public static List<ChatMessage> of(List<ChatMessage> messages) {
        if (!holdsToolTurns(messages)) {
            return messages;
        }
        Map<String, String> namesById = new HashMap<>();
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            if (!message.toolCalls().isEmpty()) {
                StringBuilder text = new StringBuilder(message.content().isBlank() ? "" : message.content());
                for (ToolCall call : message.toolCalls()) {
                    namesById.put(call.id(), call.name());
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append("[called tool ").append(call.name()).append(" with ").append(call.argumentsJson())
                            .append(']');
                }
                out.add(new ChatMessage("assistant", text.toString()));
            } else if (message.role().equals("tool")) {
                String name = namesById.getOrDefault(message.toolCallId(), "call " + message.toolCallId());
                out.add(ChatMessage.user("[tool " + name + " returned: " + message.content() + "]"));
            } else {
                out.add(message);
            }
        }
        return out;
    }
}
