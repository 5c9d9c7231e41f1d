package dev.switchboard.function.complete;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionChunk;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Runs a blocking stream on a worker thread and hands its chunks to the HTTP response as server-sent
 * events. It waits for the first chunk before answering: a stream that fails before then throws
 * here, so the caller gets an ordinary error status and JSON body. After the first chunk a failure
 * becomes an error event and the stream ends without [DONE]: never a clean end over a cut answer.
 */
final class ChatStreamBridge {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStreamBridge.class);
    static final String DONE = "[DONE]";

    /** What the worker puts on the queue: a chunk, the end, or a failure. */
    private sealed interface Item {
    }

    private record Data(String json) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    private final JsonMapper json;
    private final ExecutorService workers;

    ChatStreamBridge(JsonMapper json, ExecutorService workers) {
        this.json = json;
        this.workers = workers;
    }

    Flux<Event<String>> open(Consumer<Consumer<ChatCompletionChunk>> producer) {
        BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        workers.execute(() -> {
            try {
                producer.accept(chunk -> queue.add(new Data(write(chunk))));
                queue.add(new End());
            } catch (RuntimeException | Error e) {
                // An Error too: with nothing on the queue the request would wait for it forever.
                queue.add(new Failure(e));
            }
        });
        Item first = take(queue);
        if (first instanceof Failure failure) {
            if (failure.error() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.error();
        }
        return Flux.<Event<String>>create(sink -> workers.execute(() -> {
            Item item = first;
            while (true) {
                if (item instanceof Data data) {
                    sink.next(Event.of(data.json()));
                } else if (item instanceof End) {
                    sink.next(Event.of(DONE));
                    sink.complete();
                    return;
                } else if (item instanceof Failure failure) {
                    sink.next(Event.of(write(errorOf(failure.error()).envelope())));
                    sink.complete();
                    return;
                }
                item = take(queue);
            }
        }));
    }

    private static ApiError errorOf(Throwable e) {
        if (e instanceof ApiException api) {
            return new ApiError(api.type(), api.getMessage(), api.field());
        }
        LOG.error("stream failed after it began: {}", e.getClass().getSimpleName());
        return new ApiError("internal_error", "The stream failed; what was streamed is incomplete", null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure(new ApiException(503, "interrupted", "The stream was interrupted", null));
        }
    }
}
