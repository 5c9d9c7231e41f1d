package dev.switchboard.provider;

import java.util.function.Consumer;

/** The port every provider adapter implements: one configured provider, speaking its own protocol. */
public interface ChatProvider {

    /** The provider's configured name, as reported in responses. */
    String name();

    /** The wire protocol this adapter speaks (openai, anthropic, gemini, ..., simulated). */
    String protocol();

    /** @throws ProviderException when the call fails, with a kind that says whether to retry or fall back */
    ChatResponse complete(ChatRequest request);

    /**
     * Streams the answer to {@code sink} in order; the last chunk carries the finish reason and usage.
     * A failure is thrown as a {@link ProviderException}, whether or not chunks were already delivered:
     * the caller knows what it passed on and must not end a cut stream as if it were whole. Where the
     * request's deadline ends streams ({@link ChatRequest#streamEnd()}), a stream still under way then
     * fails there as a TIMEOUT, whether or not anything arrives. An adapter whose protocol cannot stream
     * answers in one chunk (its call is bounded by the deadline like any call).
     */
    default void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        ChatResponse response = complete(request);
        if (!response.text().isEmpty()) {
            sink.accept(StreamChunk.text(response.text()));
        }
        sink.accept(StreamChunk.last(response.finishReason(), response.usage(), response.toolCalls()));
    }
}
