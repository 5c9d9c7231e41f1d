package dev.switchboard.service;

import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.JsonMapper;

import java.util.List;
import java.util.Objects;

/**
 * What a call that succeeded gave its caller, as {@link ObservedFailure} reads it: a whole answer, or a
 * stream assembled from its chunks. It lives only while the request is settled; none of its text is kept.
 *
 * @param toolsOffered whether the request offered the model tools to call
 * @param budgetFitted whether the answer's max_tokens was the gateway's default, fitted to the deployment that
 *                     answered, rather than the caller's own
 * @param emptyMayBeRight whether the caller may have had the answer end before any text: the request gives stop
 *                        sequences (the model's first words may be one), or ends on an answer begun for the model
 *                        to continue (which it may find complete)
 */
public record DeliveredAnswer(String text, List<ToolCall> toolCalls, FinishReason finishReason,
                             boolean toolsOffered, boolean budgetFitted, boolean emptyMayBeRight) {

    public DeliveredAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        toolCalls = List.copyOf(toolCalls);
    }

    public static DeliveredAnswer of(ChatResponse response, boolean toolsOffered, boolean budgetFitted,
                                     boolean emptyMayBeRight) {
        return new DeliveredAnswer(response.text(), response.toolCalls(), response.finishReason(), toolsOffered,
                budgetFitted, emptyMayBeRight);
    }

    /**
     * Whether the same request may be answered with this again from the response cache: only an answer that
     * ended normally (finished, asked for tools, or reached a max_tokens the caller set, which is in the cache
     * key), says something, and calls tools with arguments that are JSON objects. A blocked, empty, malformed or
     * oddly ended answer may be a fluke; a fresh call may do better. An answer cut at a default budget was cut at
     * what the deployment that answered could give, which another deployment, the next time, may not share.
     */
    public boolean worthCaching(JsonMapper json) {
        boolean endedNormally = finishReason == FinishReason.STOP || finishReason == FinishReason.TOOL_CALLS
                || (finishReason == FinishReason.LENGTH && !budgetFitted);
        return endedNormally && (!text.isBlank() || !toolCalls.isEmpty())
                && toolCalls.stream().allMatch(call -> call.argumentsAreAnObject(json));
    }

    /** The same answer without its text, for a log or a failed assertion: the text is the caller's. */
    @Override
    public String toString() {
        return "DeliveredAnswer[text=" + text.length() + " chars, toolCalls=" + toolCalls.size() + ", finishReason="
                + finishReason + ", toolsOffered=" + toolsOffered + ", budgetFitted=" + budgetFitted + ", emptyMayBeRight="
                + emptyMayBeRight + "]";
    }
}
