package dev.switchboard.function.complete;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.service.ChatStreamListener;
import dev.switchboard.service.RequestThreads;
import dev.switchboard.service.StreamCancelledException;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Runs a blocking stream on a worker thread and hands its chunks to the HTTP response as server-sent
 * events. It waits for the first chunk before answering: a stream that fails before then throws
 * here, so the caller gets an ordinary error status and JSON body. After the first chunk a failure
 * becomes an error event and the stream ends without [DONE]: never a clean end over a cut answer.
 * A client that goes away once the events have begun stops the producer at its next chunk, or its model's next
 * work out of sight (thinking, a tool call's arguments), and with it the upstream; before the first chunk nothing
 * tells this bridge that a client has gone.
 */
final class ChatStreamBridge {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStreamBridge.class);
    static final String DONE = "[DONE]";

    /** What goes on the queue: a chunk, the end, a failure, or the client gone. */
    private sealed interface Item {
    }

    private record Data(String json) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    /** The events were cancelled or disposed: nobody reads what comes after this. */
    private record Cancelled() implements Item {
    }

    private final JsonMapper json;
    private final ExecutorService workers;

    ChatStreamBridge(JsonMapper json, ExecutorService workers) {
        this.json = json;
        this.workers = workers;
    }

    /**
     * Starts {@code producer} on a worker and waits for its first chunk. Once the events are cancelled
     * or disposed (the client went away), the producer's next hand-over, or its next word that the model is at
     * work, throws {@link StreamCancelledException}, so that it stops its upstream instead of streaming to nobody.
     */
    Flux<Event<String>> open(Consumer<ChatStreamListener> producer) {
        return open(producer, Optional::empty);
    }

    /**
     * As {@link #open(Consumer)}, with the events' worker logging under the request id {@code requestId} gives
     * once the producer has begun (the producer's own thread has it from the service).
     */
    Flux<Event<String>> open(Consumer<ChatStreamListener> producer, Supplier<Optional<String>> requestId) {
        Handover handover = new Handover();
        ChatStreamListener listener = new ChatStreamListener() {
            @Override
            public void chunk(ChatCompletionChunk chunk) {
                handover.offer(new Data(write(chunk)));
            }

            @Override
            public void working() {
                handover.stillRead();
            }
        };
        workers.execute(() -> {
            try {
                producer.accept(listener);
                handover.put(new End());
            } catch (StreamCancelledException e) {
                LOG.info("the client went away; its stream was stopped");
                handover.put(new Failure(e));
            } catch (RuntimeException | Error e) {
                // An Error too: with nothing on the queue the request would wait for it forever.
                handover.put(new Failure(e));
            } finally {
                // The service put the request's id on this pooled thread: the next task must not log under it.
                RequestThreads.leave();
            }
        });
        Item first = handover.take();
        if (first instanceof Failure failure) {
            // Usually the producer has ended; if this wait was interrupted instead, it must not go on alone.
            handover.cancel();
            if (failure.error() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.error();
        }
        return Flux.<Event<String>>create(sink -> {
            sink.onDispose(handover::cancel);
            Optional<String> id = requestId.get();
            workers.execute(() -> RequestThreads.runAs(id, () -> drain(first, handover, sink)));
        });
    }

    /** Hands the producer's items to the events until the end, a failure, or the client going away. */
    private void drain(Item first, Handover handover, FluxSink<Event<String>> sink) {
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
            } else if (item instanceof Cancelled) {
                return;
            }
            item = handover.take();
        }
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

    /**
     * The queue between the producer's worker and the events' worker, and whether the events are gone.
     * Cancelling also wakes the events' worker, which may be waiting for a slow upstream's next chunk.
     */
    private static final class Handover {

        private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        private volatile boolean cancelled;

        /** The producer's hand-over of a chunk: it throws once nobody will read it. */
        void offer(Data data) {
            stillRead();
            queue.add(data);
        }

        /** Throws once nobody will read what the producer hands over. */
        void stillRead() {
            if (cancelled) {
                throw new StreamCancelledException();
            }
        }

        void put(Item item) {
            queue.add(item);
        }

        void cancel() {
            cancelled = true;
            queue.add(new Cancelled());
        }

        Item take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failure(new ApiException(503, "interrupted", "The stream was interrupted", null));
            }
        }
    }
}
