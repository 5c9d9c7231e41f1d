package dev.switchboard.function.complete;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.StreamBrokenAfterStartException;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge from a blocking chunk producer to server-sent events: failures before the first chunk are
 * thrown (an error status), after it they end the events with an error and no [DONE].
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
    private static Consumer<Consumer<ChatCompletionChunk>> producing(RuntimeException failure,
                                                                     ChatCompletionChunk... chunks) {
        return sink -> {
            for (ChatCompletionChunk c : chunks) {
                sink.accept(c);
            }
            if (failure != null) {
                throw failure;
            }
        };
    }

    private List<String> events(Consumer<Consumer<ChatCompletionChunk>> producer) {
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
                + json.writeValueAsString(broken.getMessage()) + ",\"field\":null}}";
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
    void openAnswersOnceTheFirstChunkIsThereWithoutWaitingForTheRest() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);

        var flux = bridge.open(sink -> {
            sink.accept(chunk("first"));
            try {
                // The rest of the stream comes only after open has returned: open must not wait for it.
                if (!opened.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("open waited for the whole stream");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            sink.accept(chunk("second"));
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
}
