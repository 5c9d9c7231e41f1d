package dev.switchboard.api;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ToolDefinition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * POST /v1/chat/completions as OpenAI's Chat Completions defines it, reduced to what the gateway
 * acts on, plus Switchboard's routing fields. Built only by {@link ChatCompletionRequestParser}.
 * It carries the provider module's unified messages and tools directly: they are plain records,
 * and a second copy of the same shapes here would only need mapping back.
 *
 * @param model        a configured model to pin the request to, or null to let Switchboard route ("auto")
 * @param includeUsage whether a stream ends with a usage chunk (stream_options.include_usage)
 */
public record ChatCompletionRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                                    List<ToolDefinition> tools, boolean stream, boolean includeUsage,
                                    boolean autoRoute, RoutingPreferences routing) {

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /** What routing analyses: the conversation's text, turn by turn. */
    public String promptText() {
        return messages.stream().map(ChatMessage::content).filter(c -> !c.isEmpty()).collect(Collectors.joining("\n"));
    }
}
