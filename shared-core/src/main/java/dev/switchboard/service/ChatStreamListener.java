package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;

/** Where a streamed chat completion goes, chunk by chunk, in order. */
@FunctionalInterface
public interface ChatStreamListener {

    void chunk(ChatCompletionChunk chunk);
}
