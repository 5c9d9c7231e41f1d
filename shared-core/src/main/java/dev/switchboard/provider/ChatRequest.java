package dev.switchboard.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A provider-neutral chat request for one model: the conversation, the answer budget, an optional
 * sampling temperature (null leaves the provider's default), the tools the model may call, the
 * whole request's deadline (null when none), which no single call may outlast, the caller's
 * end-user identifier (null when none; OpenAI's {@code user}), which an adapter passes on only where
 * its protocol has a field for it (an opaque tag for the provider's abuse monitoring: never logged),
 * whether the deadline also ends a stream still under way, whatever comes or does not come, and
 * whether the model must, may or must not call a tool ({@link ToolChoice}; AUTO when null), and the
 * generation options: top_p, stop sequences, the answer's format, the seed, the reasoning effort and the
 * penalties ({@link GenerationOptions}; none when null).
 */
public record ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                          List<ToolDefinition> tools, Instant deadline, String endUser, boolean deadlineEndsStream,
                          ToolChoice toolChoice, GenerationOptions options) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
        options = options == null ? GenerationOptions.NONE : options;
        if (tools.isEmpty() && (toolChoice.mode() == ToolChoice.Mode.REQUIRED
                || toolChoice.mode() == ToolChoice.Mode.FUNCTION)) {
            throw new IllegalArgumentException("a tool call can be asked for only with tools to call");
        }
        if (toolChoice.mode() == ToolChoice.Mode.FUNCTION) {
            String named = toolChoice.function();
            if (tools.stream().noneMatch(tool -> tool.name().equals(named))) {
                throw new IllegalArgumentException("the tool asked for is not among the request's tools");
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        }
        if (endUser != null && (endUser.isEmpty() || endUser.length() > MAX_END_USER_CHARS)) {
            // The length only: the value is the caller's, and messages end up in logs.
            throw new IllegalArgumentException("endUser must be 1 to " + MAX_END_USER_CHARS + " characters, not "
                    + endUser.length());
        }
        if (deadlineEndsStream && deadline == null) {
            throw new IllegalArgumentException("a stream can be ended by the deadline only when there is one");
        }
    }

    /** The longest end-user identifier passed on; OpenAI's and Anthropic's ids are far shorter in practice. */
    public static final int MAX_END_USER_CHARS = 256;

    /** A request that leaves the model free to call its tools or not. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                       List<ToolDefinition> tools, Instant deadline, String endUser, boolean deadlineEndsStream) {
        this(model, messages, maxTokens, temperature, tools, deadline, endUser, deadlineEndsStream, ToolChoice.AUTO,
                GenerationOptions.NONE);
    }

    /** A request whose deadline, if any, leaves a stream under way to its silences. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                       List<ToolDefinition> tools, Instant deadline, String endUser) {
        this(model, messages, maxTokens, temperature, tools, deadline, endUser, false);
    }

    /** A request with a deadline and no end-user identifier. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                       List<ToolDefinition> tools, Instant deadline) {
        this(model, messages, maxTokens, temperature, tools, deadline, null);
    }

    /** A request without a deadline of its own. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens, Double temperature,
                       List<ToolDefinition> tools) {
        this(model, messages, maxTokens, temperature, tools, null, null);
    }

    /** The same request, to be answered by {@code at}; a stream under way is left to its silences. */
    public ChatRequest withDeadline(Instant at) {
        return withDeadline(at, false);
    }

    /** The same request, to be answered by {@code at}, which with {@code endsStream} also ends a stream under way. */
    public ChatRequest withDeadline(Instant at, boolean endsStream) {
        return new ChatRequest(model, messages, maxTokens, temperature, tools, at, endUser, endsStream, toolChoice,
                options);
    }

    /** The same request, with {@code choice} for whether the model must, may or must not call a tool. */
    public ChatRequest withToolChoice(ToolChoice choice) {
        return new ChatRequest(model, messages, maxTokens, temperature, tools, deadline, endUser, deadlineEndsStream,
                choice, options);
    }

    /** The same request, with {@code generation}'s options. */
    public ChatRequest withOptions(GenerationOptions generation) {
        return new ChatRequest(model, messages, maxTokens, temperature, tools, deadline, endUser, deadlineEndsStream,
                toolChoice, generation);
    }

    /** Whether a tool offered asks for strict arguments, which each protocol says (or refuses) in its own way. */
    public boolean offersStrictTool() {
        return tools.stream().anyMatch(ToolDefinition::strict);
    }

    /** When a stream still under way is ended, whatever comes: the deadline where it ends streams, else null. */
    public Instant streamEnd() {
        return deadlineEndsStream ? deadline : null;
    }

    /** The shape only: the conversation is the caller's prompt and the end user its data, so neither is printed. */
    @Override
    public String toString() {
        return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", maxTokens=" + maxTokens
                + ", temperature=" + temperature + ", tools=" + tools.size() + ", toolChoice=" + toolChoice.mode()
                + ", " + options.shape() + ", deadline=" + deadline
                + (deadlineEndsStream ? " (ends the stream)" : "") + ", endUser=" + (endUser == null ? "none" : "given")
                + "]";
    }

    /** A request with the provider's default temperature and no tools. */
    public ChatRequest(String model, List<ChatMessage> messages, int maxTokens) {
        this(model, messages, maxTokens, null, List.of());
    }
}
