package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a streamed answer in the unified model: the text it adds, and, on the last chunk
 * only, why the model stopped, the usage of the whole call and the tool calls it asked for (null,
 * null and empty on every other chunk; a protocol streams tool calls in fragments, which the
 * adapter assembles).
 */
public record StreamChunk(String textDelta, FinishReason finishReason, Usage usage, List<ToolCall> toolCalls) {

    public StreamChunk {
        Objects.requireNonNull(textDelta, "textDelta");
        toolCalls = List.copyOf(toolCalls);
        if ((finishReason == null) != (usage == null)) {
            throw new IllegalArgumentException("the last chunk, and only the last, carries the finish reason and usage");
        }
    }

    public static StreamChunk text(String delta) {
        return new StreamChunk(delta, null, null, List.of());
    }

    public static StreamChunk last(FinishReason finishReason, Usage usage, List<ToolCall> toolCalls) {
        return new StreamChunk("", Objects.requireNonNull(finishReason), Objects.requireNonNull(usage), toolCalls);
    }

    public boolean isLast() {
        return finishReason != null;
    }
}
