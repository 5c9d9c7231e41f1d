package dev.switchboard.function.complete;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.observability.RequestLogContext;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.StreamBrokenAfterStartException;
import dev.switchboard.service.ChatStreamListener;
import dev.switchboard.service.StreamCancelledException;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge from a blocking chunk producer to server-sent events: failures before the first chunk are
 * thrown (an error status), after it they end the events with an error and no [DONE]; a client that
 * goes away stops the producer at its next chunk and frees both workers.
 */
class ChatStreamBridgeTest {

    /** Bounds every wait, so a regression fails the test instead of hanging the build. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final JsonMapper json = JsonMapper.createDefault();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ChatStreamBridge bridge = new ChatStreamBridge(json, workers);

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdownNow();
        assertTrue(workers.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS), "a worker was left running");
    }

    private static ChatCompletionChunk chunk(String text) {
        return new ChatCompletionChunk("chatcmpl-test", ChatCompletionChunk.OBJECT, 1_700_000_000L, "gpt-4o-mini",
                List.of(new ChatCompletionChunk.ChunkChoice(0, new ChatCompletionChunk.Delta(null, text, List.of()),
                        null)), null, null);
    }

    /** A producer that sends {@code chunks} and then throws {@code failure}, if any. */
    private static Consumer<ChatStreamListener> producing(RuntimeException failure,
                                                                     ChatCompletionChunk... chunks) {
        return sink -> {
            for (ChatCompletionChunk c : chunks) {
                sink.chunk(c);
            }
            if (failure != null) {
                throw failure;
            }
        };
    }

    private List<String> events(Consumer<ChatStreamListener> producer) {
        return bridge.open(producer).map(Event::getData).collectList().block(LIMIT);
    }

    private JsonNode errorIn(String event) throws IOException {
        return json.readValue(event, JsonNode.class).get("error");
    }

    @Test
    void aProducerFailingBeforeAnyChunkMakesOpenThrowThatFailure() {
        NoProviderAvailableException failure = new NoProviderAvailableException(List.of("a/m (unavailable)"));

        ApiException thrown = assertThrows(ApiException.class, () -> bridge.open(producing(failure)));

        assertSame(failure, thrown, "the HTTP layer answers this exception's status and body");
    }

    @Test
    void chunksThenTheEndAreTheChunksJsonThenDone() throws IOException {
        ChatCompletionChunk first = chunk("Hel");
        ChatCompletionChunk second = chunk("lo");

        List<String> events = events(producing(null, first, second));

        assertEquals(List.of(json.writeValueAsString(first), json.writeValueAsString(second), "[DONE]"), events);
        JsonNode parsed = json.readValue(events.get(0), JsonNode.class);
        assertEquals("chat.completion.chunk", parsed.get("object").getStringValue());
        assertEquals("Hel", parsed.get("choices").get(0).get("delta").get("content").getStringValue());
        assertTrue(parsed.get("choices").get(0).get("finish_reason").isNull(), events.get(0));
    }

    @Test
    void chunksThenAnApiFailureEndWithItsErrorEventAndNoDone() throws IOException {
        StreamBrokenAfterStartException broken = new StreamBrokenAfterStartException("a/m", 1,
                List.of("a/m (unavailable)"));

        List<String> events = events(producing(broken, chunk("Hel")));

        assertEquals(2, events.size(), events.toString());
        assertEquals(json.writeValueAsString(chunk("Hel")), events.get(0));
        assertFalse(events.contains("[DONE]"), events.toString());
        String expected = "{\"error\":{\"type\":\"provider_stream_broken\",\"message\":"
                + json.writeValueAsString(broken.getMessage())
                + ",\"field\":null,\"param\":null,\"code\":\"provider_stream_broken\"}}";
        assertEquals(json.readValue(expected, JsonNode.class), json.readValue(events.get(1), JsonNode.class));
        assertTrue(errorIn(events.get(1)).get("field").isNull());
    }

    @Test
    void anUnexpectedFailureAfterTheFirstChunkBecomesAnInternalErrorThatLeaksNothing() throws IOException {
        IllegalStateException bug = new IllegalStateException("NPE near sk-secret-key in SecretPlanner.java:42");

        List<String> events = events(producing(bug, chunk("Hel"), chunk("lo")));

        assertEquals(3, events.size(), events.toString());
        assertFalse(events.contains("[DONE]"), events.toString());
        String last = events.get(2);
        JsonNode error = errorIn(last);
        assertEquals("internal_error", error.get("type").getStringValue());
        assertTrue(error.get("field").isNull());
        for (String leak : List.of("sk-secret-key", "SecretPlanner", "NPE", "IllegalStateException")) {
            assertFalse(last.contains(leak), last);
        }
    }

    @Test
    void aFailureAfterTheFirstChunkIsLoggedUnderTheRequestsIdAndThePooledThreadsAreLeftWithout() {
        Consumer<ChatStreamListener> producer = sink -> {
            RequestLogContext.enter("req-stream-1"); // as the service does on the producer's thread
            sink.chunk(chunk("Hel"));
            throw new IllegalStateException("a bug");
        };
        // One worker, so that the producer's thread is the one the next task gets: the producer ends before the
        // events' worker starts, since it fails right after its first chunk.
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (LogLines logs = new LogLines()) {
            new ChatStreamBridge(json, one).open(producer, () -> Optional.of("req-stream-1")).collectList()
                    .block(LIMIT);

            String failed = logs.jsonLines().stream().filter(line -> line.contains("stream failed after it began"))
                    .findFirst().orElseThrow();
            assertTrue(failed.contains("\"request_id\":\"req-stream-1\""), failed);
            assertNull(java.util.concurrent.CompletableFuture.supplyAsync(RequestLogContext::current, one).join(),
                    "the pooled thread is left without the request's id");
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void openAnswersOnceTheFirstChunkIsThereWithoutWaitingForTheRest() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);

        var flux = bridge.open(sink -> {
            sink.chunk(chunk("first"));
            try {
                // The rest of the stream comes only after open has returned: open must not wait for it.
                if (!opened.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("open waited for the whole stream");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            sink.chunk(chunk("second"));
        });
        opened.countDown();
        List<String> events = flux.map(Event::getData).collectList().block(LIMIT);

        assertEquals(List.of(json.writeValueAsString(chunk("first")), json.writeValueAsString(chunk("second")),
                "[DONE]"), events);
    }

    @Test
    void aProducerThrowingAnErrorDoesNotHangOpen() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(Throwable.class, () -> bridge.open(sink -> {
                throw new AssertionError("a bug, not an API failure");
            }));
        });
    }

    /**
     * A producer that hands over {@code first}, waits for {@code goOn}, then offers chunks until a hand-over
     * throws: it records how many were taken and what stopped it, then counts down {@code stopped}.
     */
    private static final class CountingProducer implements Consumer<ChatStreamListener> {

        /** After the first chunk, only work out of sight (a thinking model): no chunk to hand over. */
        final boolean thinking;
        final CountDownLatch goOn = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger taken = new AtomicInteger();
        final AtomicReference<RuntimeException> stoppedBy = new AtomicReference<>();

        CountingProducer() {
            this(false);
        }

        CountingProducer(boolean thinking) {
            this.thinking = thinking;
        }

        @Override
        public void accept(ChatStreamListener sink) {
            try {
                sink.chunk(chunk("first"));
                taken.incrementAndGet();
                // Longer than a test waits for a free worker, so that a held worker fails as such.
                if (!goOn.await(2 * LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the producer go on");
                }
                // Far more than a test would ever read: only a throwing hand-over ends this.
                for (int i = 0; i < 1_000; i++) {
                    if (thinking) {
                        sink.working();
                    } else {
                        sink.chunk(chunk("more"));
                    }
                    taken.incrementAndGet();
                }
            } catch (RuntimeException e) {
                stoppedBy.set(e);
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Proves {@code threads} workers are free: tasks that each wait for all the others can only all finish then. */
    private void assertWorkersFree(int threads) throws InterruptedException {
        CountDownLatch together = new CountDownLatch(threads);
        CountDownLatch finished = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            workers.execute(() -> {
                together.countDown();
                try {
                    if (together.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                        finished.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(finished.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "a worker is still held by the stream");
    }

    @Test
    void aClientTakingOneEventThenLeavingMakesTheNextHandOverThrowAndStopsTheProducer() throws Exception {
        CountingProducer producer = new CountingProducer();

        List<String> events = bridge.open(producer).take(1).map(Event::getData).collectList().block(LIMIT);
        producer.goOn.countDown();

        assertEquals(List.of(json.writeValueAsString(chunk("first"))), events);
        assertTrue(producer.stopped.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the producer went on streaming");
        assertInstanceOf(StreamCancelledException.class, producer.stoppedBy.get());
        assertEquals(1, producer.taken.get(), "no chunk is taken once the client has gone");
        assertWorkersFree(2);
    }

    @Test
    void aClientLeavingWhileTheModelWorksOutOfSightStopsTheProducerAtItsNextWordOfWork() throws Exception {
        CountingProducer producer = new CountingProducer(true);

        bridge.open(producer).take(1).map(Event::getData).collectList().block(LIMIT);
        producer.goOn.countDown();

        assertTrue(producer.stopped.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the producer went on working");
        assertInstanceOf(StreamCancelledException.class, producer.stoppedBy.get());
        assertEquals(1, producer.taken.get(), "stopped at its first word of work once the client had gone");
    }

    @Test
    void disposingTheEventsFreesTheirWorkerAtOnceAndStopsTheProducerAtItsNextChunk() throws Exception {
        CountingProducer producer = new CountingProducer();
        CountDownLatch firstEvent = new CountDownLatch(1);

        Disposable subscription = bridge.open(producer).subscribe(event -> firstEvent.countDown());
        assertTrue(firstEvent.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        subscription.dispose();

        // The producer still waits for its (slow) upstream; the events' worker must not wait with it.
        assertWorkersFree(1);
        producer.goOn.countDown();
        assertTrue(producer.stopped.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the producer went on streaming");
        assertInstanceOf(StreamCancelledException.class, producer.stoppedBy.get());
        assertEquals(1, producer.taken.get());
        assertWorkersFree(2);
    }

    @Test
    void anOpenInterruptedBeforeTheFirstChunkStopsTheProducerItStarted() throws Exception {
        CountDownLatch openGaveUp = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<RuntimeException> stoppedBy = new AtomicReference<>();
        Consumer<ChatStreamListener> slowToStart = sink -> {
            try {
                if (openGaveUp.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    sink.chunk(chunk("too late"));
                }
            } catch (RuntimeException e) {
                stoppedBy.set(e);
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        };

        Thread.currentThread().interrupt();
        ApiException thrown;
        try {
            thrown = assertThrows(ApiException.class, () -> bridge.open(slowToStart));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays set for the caller");
        }
        openGaveUp.countDown();

        assertEquals(503, thrown.status());
        assertTrue(stopped.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(StreamCancelledException.class, stoppedBy.get(), "nobody reads it: the producer must stop");
        assertWorkersFree(2);
    }
}
