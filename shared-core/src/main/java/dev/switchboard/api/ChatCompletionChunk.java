package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.ChatCompletionResponse.Gateway;
import dev.switchboard.api.ChatCompletionResponse.TokenUsage;
import dev.switchboard.api.ChatCompletionResponse.ToolCallOut;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One chat.completion.chunk of a streamed answer, as OpenAI's clients read it. The last content
 * chunk carries finish_reason; with include_usage a final chunk with no choices carries usage; the
 * "switchboard" object rides on the finishing chunk.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(String id, String object, long created, String model,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) List<ChunkChoice> choices,
                                  TokenUsage usage, Gateway switchboard) {

    public static final String OBJECT = "chat.completion.chunk";

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ChunkChoice(int index, Delta delta, @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Delta(String role, String content, List<ToolCallOut> toolCalls) {
    }
}
