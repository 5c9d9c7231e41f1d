package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;

/**
 * Where a streamed chat completion goes, chunk by chunk, in order. A listener whose caller has gone
 * throws {@link StreamCancelledException} from {@link #chunk} or {@link #working}: the stream then stops
 * upstream too.
 */
@FunctionalInterface
public interface ChatStreamListener {

    /** @throws StreamCancelledException when the caller is no longer there to take the chunk */
    void chunk(ChatCompletionChunk chunk);

    /**
     * The model is at work out of the caller's sight (thinking, writing a tool call's arguments): nothing to send,
     * but a caller that has gone is told now rather than at the next text, so that the upstream stops. (Over
     * HTTP the response starts with the first text chunk, so a caller is known to be gone only after it.)
     *
     * @throws StreamCancelledException when the caller is no longer there
     */
    default void working() {
    }
}
