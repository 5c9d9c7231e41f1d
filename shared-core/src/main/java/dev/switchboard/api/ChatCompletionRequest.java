package dev.switchboard.api;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ToolChoice;
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
 * @param maxTokens    the answer budget: the caller's max_completion_tokens or max_tokens, or the
 *                     configured default ({@link ChatSettings}) when it gave neither
 * @param maxTokensGiven whether the caller set the budget itself: only then must the model be able to
 *                     answer that long; a default is cut to the model's longest answer instead
 * @param includeUsage whether a stream ends with a usage chunk (stream_options.include_usage)
 * @param toolChoice   whether the model may, must or must not call a tool (OpenAI's tool_choice)
 * @param options      top_p, stop sequences, the answer's format (response_format), the seed, the reasoning
 *                     effort and the penalties
 * @param user         OpenAI's end-user identifier, passed on to providers that take one; null when
 *                     not given. It is the caller's data like the prompt: never logged nor ledgered.
 */
public record ChatCompletionRequest(String model, List<ChatMessage> messages, int maxTokens, boolean maxTokensGiven,
                                    Double temperature, List<ToolDefinition> tools, boolean stream,
                                    boolean includeUsage, boolean autoRoute, RoutingPreferences routing, String user,
                                    ToolChoice toolChoice, GenerationOptions options) {

    /** The most a caller may ask for: more than any model answers, so the model's own limit decides. */
    public static final int MAX_MAX_TOKENS = 1_000_000;

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
        options = options == null ? GenerationOptions.NONE : options;
    }

    /** A request that leaves the model free to call its tools or not. */
    public ChatCompletionRequest(String model, List<ChatMessage> messages, int maxTokens, boolean maxTokensGiven,
                                 Double temperature, List<ToolDefinition> tools, boolean stream, boolean includeUsage,
                                 boolean autoRoute, RoutingPreferences routing, String user) {
        this(model, messages, maxTokens, maxTokensGiven, temperature, tools, stream, includeUsage, autoRoute, routing,
                user, ToolChoice.AUTO, GenerationOptions.NONE);
    }

    /** A request with a budget the caller set, without an end-user identifier. */
    public ChatCompletionRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                                 List<ToolDefinition> tools, boolean stream, boolean includeUsage, boolean autoRoute,
                                 RoutingPreferences routing) {
        this(model, messages, maxTokens, true, temperature, tools, stream, includeUsage, autoRoute, routing, null,
                ToolChoice.AUTO, GenerationOptions.NONE);
    }

    /** The same request on behalf of end user {@code endUser}. */
    public ChatCompletionRequest withUser(String endUser) {
        return new ChatCompletionRequest(model, messages, maxTokens, maxTokensGiven, temperature, tools, stream,
                includeUsage, autoRoute, routing, endUser, toolChoice, options);
    }

    /** The shape only: the conversation is the caller's prompt and the end user its data, so neither is printed. */
    @Override
    public String toString() {
        return "ChatCompletionRequest[model=" + model + ", messages=" + messages.size() + ", maxTokens=" + maxTokens
                + (maxTokensGiven ? "" : " (default)") + ", temperature=" + temperature + ", tools=" + tools.size()
                + ", toolChoice=" + toolChoice.mode() + ", " + options.shape() + ", stream=" + stream
                + ", includeUsage=" + includeUsage + ", autoRoute=" + autoRoute + ", routing=" + routing
                + ", user=" + (user == null ? "none" : "given") + "]";
    }

    /** What routing analyses: the conversation's text, turn by turn. */
    public String promptText() {
        return messages.stream().map(ChatMessage::content).filter(c -> !c.isEmpty()).collect(Collectors.joining("\n"));
    }
}
