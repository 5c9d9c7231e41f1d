package dev.switchboard.service;

import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;

import java.util.List;
import java.util.Objects;

/**
 * What a call that succeeded gave its caller, as {@link ObservedFailure} reads it: a whole answer, or a
 * stream assembled from its chunks. It lives only while the request is settled; none of its text is kept.
 *
 * @param toolsOffered whether the request offered the model tools to call
 */
public record DeliveredAnswer(String text, List<ToolCall> toolCalls, FinishReason finishReason,
                             boolean toolsOffered) {

    public DeliveredAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        toolCalls = List.copyOf(toolCalls);
    }

    public static DeliveredAnswer of(ChatResponse response, boolean toolsOffered) {
        return new DeliveredAnswer(response.text(), response.toolCalls(), response.finishReason(), toolsOffered);
    }

    /**
     * Whether the same request may be answered with this again from the response cache: only an answer
     * that ended normally (finished, asked for tools, or reached max_tokens, which is in the cache key)
     * and says something. A blocked, empty or oddly ended answer may be a fluke; a fresh call may do better.
     */
    public boolean worthCaching() {
        boolean endedNormally = finishReason == FinishReason.STOP || finishReason == FinishReason.TOOL_CALLS
                || finishReason == FinishReason.LENGTH;
        return endedNormally && (!text.isBlank() || !toolCalls.isEmpty());
    }

    /** The same answer without its text, for a log or a failed assertion: the text is the caller's. */
    @Override
    public String toString() {
        return "DeliveredAnswer[text=" + text.length() + " chars, toolCalls=" + toolCalls.size() + ", finishReason="
                + finishReason + ", toolsOffered=" + toolsOffered + "]";
    }
}
