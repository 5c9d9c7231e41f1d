package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;

/**
 * Where a streamed chat completion goes, chunk by chunk, in order. A listener whose caller has gone
 * throws {@link StreamCancelledException} from {@link #chunk}: the stream then stops upstream too.
 */
@FunctionalInterface
public interface ChatStreamListener {

    /** @throws StreamCancelledException when the caller is no longer there to take the chunk */
    void chunk(ChatCompletionChunk chunk);
}
