package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK body as the SDK's stream of buffers, and how it ends the call's future. */
class ResponseBodyRelayTest {

    /** Delivers on the submitting thread, so every assertion sees what was delivered. */
    private final SubmissionPublisher<List<ByteBuffer>> body = new SubmissionPublisher<>(Runnable::run, 8);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ResponseBodyRelay relay = new ResponseBodyRelay(body, done);
    private final Collecting reader = new Collecting();

    @AfterEach
    void closeBody() {
        body.close();
    }

    @Test
    void deliversEachListAsOneBufferAndEndsTheCallWithTheBody() {
        relay.subscribe(reader);
        body.submit(List.of(bytes("ab"), bytes("c")));
        body.submit(List.of(bytes("d")));
        assertTrue(!done.isDone(), "the call lasts as long as its body");

        body.close();

        assertEquals(List.of("abc", "d"), reader.texts);
        assertTrue(reader.completed);
        assertNull(done.join());
    }

    @Test
    void aBodyThatFailsFailsTheCallWithTheSameCause() {
        relay.subscribe(reader);
        IOException reset = new IOException("connection reset");

        body.closeExceptionally(reset);

        assertSame(reset, reader.failure);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, done::get);
        assertSame(reset, e.getCause());
    }

    @Test
    void theSdkStoppingToReadEndsTheCallAndTheBody() {
        relay.subscribe(reader);

        reader.subscription.cancel();

        assertTrue(done.isDone() && !done.isCompletedExceptionally());
        assertEquals(0, body.getNumberOfSubscribers());
    }

    @Test
    void cancellingTheCallCancelsTheBody() {
        relay.subscribe(reader);

        done.cancel(true);

        assertEquals(0, body.getNumberOfSubscribers());
    }

    @Test
    void aCallFailedWithAnyCauseWhileTheBodyIsReadClosesTheBody() {
        relay.subscribe(reader);

        done.completeExceptionally(new IllegalStateException("the SDK could not decode a frame"));

        assertEquals(0, body.getNumberOfSubscribers());
    }

    @Test
    void aCallThatFailsBeforeAnyoneReadsTheBodyDropsTheBody() {
        CancelRecordingBody unread = new CancelRecordingBody();
        CompletableFuture<Void> call = new CompletableFuture<>();
        ResponseBodyRelay late = new ResponseBodyRelay(unread, call);

        call.completeExceptionally(new RuntimeException("handing the body over threw"));

        assertTrue(unread.cancelled, "the unread body was cancelled, which closes its connection");
        Collecting tooLate = new Collecting();
        late.subscribe(tooLate);
        assertInstanceOf(IllegalStateException.class, tooLate.failure);
    }

    @Test
    void aCallThatEndsNormallyLeavesAnUnreadBodyAlone() {
        CancelRecordingBody unread = new CancelRecordingBody();
        CompletableFuture<Void> call = new CompletableFuture<>();
        new ResponseBodyRelay(unread, call);

        call.complete(null);

        assertTrue(!unread.subscribed);
    }

    @Test
    void aSecondReaderIsRefused() {
        relay.subscribe(reader);
        Collecting second = new Collecting();

        relay.subscribe(second);

        assertInstanceOf(IllegalStateException.class, second.failure);
        assertEquals(1, body.getNumberOfSubscribers());
    }

    @Test
    void anEmptyListIsAnEmptyBuffer() {
        assertEquals(0, ResponseBodyRelay.joined(List.of()).remaining());
        assertEquals("xyz", text(ResponseBodyRelay.joined(List.of(bytes("x"), bytes(""), bytes("yz")))));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /** A body that records whether it was taken and cancelled. */
    private static final class CancelRecordingBody implements Flow.Publisher<List<ByteBuffer>> {
        boolean subscribed;
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            subscribed = true;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    // the test delivers nothing
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    private static final class Collecting implements Flow.Subscriber<ByteBuffer> {
        final List<String> texts = new ArrayList<>();
        Flow.Subscription subscription;
        Throwable failure;
        boolean completed;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            texts.add(text(item));
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
