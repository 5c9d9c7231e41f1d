package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a streamed answer in the unified model. Three kinds:
 * <ul>
 *   <li>text: {@code textDelta}, the text it adds, which the caller sees;</li>
 *   <li>progress: what the model wrote that the caller does not see as text ({@code hiddenDelta}: thinking, a tool
 *   call's argument fragments, which the adapter assembles into the last chunk's calls) and the usage so far where
 *   the provider reports it as it goes ({@code usage}, null otherwise). The caller gets nothing from it; a stream
 *   cut off after it is billed for it, and a caller that has gone is noticed at it;</li>
 *   <li>the last: why the model stopped, the usage of the whole call and the tool calls it asked for.</li>
 * </ul>
 */
public record StreamChunk(String textDelta, FinishReason finishReason, Usage usage, List<ToolCall> toolCalls,
                          String hiddenDelta) {

    public StreamChunk {
        Objects.requireNonNull(textDelta, "textDelta");
        Objects.requireNonNull(hiddenDelta, "hiddenDelta");
        toolCalls = List.copyOf(toolCalls);
        if (finishReason != null && usage == null) {
            throw new IllegalArgumentException("the last chunk carries the usage of the whole call");
        }
        if (finishReason == null && !toolCalls.isEmpty()) {
            throw new IllegalArgumentException("only the last chunk carries tool calls");
        }
        if (finishReason == null && usage != null && !textDelta.isEmpty()) {
            throw new IllegalArgumentException("usage so far comes on a progress chunk, not with text");
        }
    }

    public static StreamChunk text(String delta) {
        return new StreamChunk(delta, null, null, List.of(), "");
    }

    /**
     * What the model wrote out of the caller's sight ({@code hiddenDelta}, may be empty) and the usage the provider
     * has reported so far ({@code usageSoFar}, null when it reports none as it goes).
     */
    public static StreamChunk progress(String hiddenDelta, Usage usageSoFar) {
        return new StreamChunk("", null, usageSoFar, List.of(), hiddenDelta == null ? "" : hiddenDelta);
    }

    public static StreamChunk last(FinishReason finishReason, Usage usage, List<ToolCall> toolCalls) {
        return new StreamChunk("", Objects.requireNonNull(finishReason), Objects.requireNonNull(usage), toolCalls, "");
    }

    public boolean isLast() {
        return finishReason != null;
    }

    /** A progress chunk: nothing for the caller (see the class comment). */
    public boolean isProgress() {
        return finishReason == null && textDelta.isEmpty();
    }
}
