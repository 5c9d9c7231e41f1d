package dev.switchboard.function.complete;

import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.service.ChatStreamListener;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A stream's events written into one body, for a transport that delivers a response whole (API Gateway's HTTP
 * API in front of Lambda): the caller sees nothing before the end either way, so the stream runs to its end
 * first, and a stream that fails, even after its first chunk, becomes an error status and JSON body instead of
 * a 200 whose last event is the error. The events are those {@link ChatStreamBridge} sends, ending in [DONE].
 */
final class BufferedEventStream {

    private final JsonMapper json;

    BufferedEventStream(JsonMapper json) {
        this.json = json;
    }

    /** Runs {@code producer} to its end; its events as one text/event-stream body. Its failures are thrown. */
    String run(Consumer<ChatStreamListener> producer) {
        StringBuilder body = new StringBuilder();
        producer.accept(chunk -> event(body, write(chunk)));
        event(body, ChatStreamBridge.DONE);
        return body.toString();
    }

    private static void event(StringBuilder body, String data) {
        body.append("data: ").append(data).append("\n\n");
    }

    private String write(ChatCompletionChunk chunk) {
        try {
            return json.writeValueAsString(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
