package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A chat.completion as OpenAI's clients read it, plus a "switchboard" object with seed 001's
 * routing fields (provider, strategy_used, confidence, cost, ...), which OpenAI clients ignore.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionResponse(String id, String object, long created, String model, List<Choice> choices,
                                     TokenUsage usage, Gateway switchboard) {

    public static final String OBJECT = "chat.completion";

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(int index, Message message, String finishReason) {
    }

    /** The assistant's answer; content is null when it only asks for tools, as OpenAI sends it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) String content,
                          List<ToolCallOut> toolCalls) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCallOut(Integer index, String id, String type, FunctionCall function, ExtraContent extraContent) {
    }

    /**
     * What a provider wants back with a tool call, in the place Google's own OpenAI-compatible endpoint uses
     * ({@code extra_content.google.thought_signature}), so that clients that send an answer's calls back as they
     * got them carry it; absent for calls without one.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ExtraContent(Google google) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Google(String thoughtSignature) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record FunctionCall(String name, String arguments) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record TokenUsage(int promptTokens, int completionTokens, int totalTokens,
                             PromptDetails promptTokensDetails, CompletionDetails completionTokensDetails) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PromptDetails(int cachedTokens) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CompletionDetails(int reasoningTokens) {
    }

    /** Seed 001's fields for the routed answer. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Gateway(String provider, String strategyUsed, String confidence, Double cost, Double totalCostToday,
                          boolean cacheHit, RoutingMetadata routingMetadata) {
    }
}
