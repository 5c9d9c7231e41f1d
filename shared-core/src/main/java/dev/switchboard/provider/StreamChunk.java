package dev.switchboard.provider;

import java.util.Objects;

/**
 * One piece of a streamed answer in the unified model: the text it adds, and, on the last chunk
 * only, why the model stopped and the usage of the whole call (null on every other chunk).
 */
public record StreamChunk(String textDelta, FinishReason finishReason, Usage usage) {

    public StreamChunk {
        Objects.requireNonNull(textDelta, "textDelta");
    }

    public static StreamChunk text(String delta) {
        return new StreamChunk(delta, null, null);
    }

    public boolean last() {
        return finishReason != null;
    }
}
