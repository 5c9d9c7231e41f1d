package dev.switchboard.provider.bedrock;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDK response body (lists of buffers) as the one stream of buffers the SDK reads, one buffer per list,
 * so the subscriber's demand passes through unchanged. It ends the call's future with the body: normally
 * when the body ends or the SDK stops reading, exceptionally when the connection fails; and a call
 * cancelled meanwhile cancels the body, which closes the connection.
 */
final class ResponseBodyRelay implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<List<ByteBuffer>> body;
    private final CompletableFuture<Void> done;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ResponseBodyRelay(Flow.Publisher<List<ByteBuffer>> body, CompletableFuture<Void> done) {
        this.body = Objects.requireNonNull(body);
        this.done = Objects.requireNonNull(done);
        // A call that fails before anyone reads the body (the SDK failed it, or handing it over threw) would
        // leave the body unread and its connection held: take the body and drop it at once.
        done.whenComplete((ignored, failure) -> {
            if (failure != null && subscribed.compareAndSet(false, true)) {
                body.subscribe(new Discarding());
            }
        });
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber);
        if (!subscribed.compareAndSet(false, true)) {
            // A response body can be read once (Reactive Streams rule 1.9: signal onSubscribe, then the error).
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    // nothing can be delivered
                }

                @Override
                public void cancel() {
                    // nothing to stop
                }
            });
            subscriber.onError(new IllegalStateException("the response body was already subscribed to"));
            return;
        }
        body.subscribe(new Relay(subscriber));
    }

    /** One list of buffers as one buffer: usually the list holds one, so this rarely copies. */
    static ByteBuffer joined(List<ByteBuffer> buffers) {
        if (buffers.size() == 1) {
            return buffers.get(0);
        }
        int size = 0;
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
        }
        ByteBuffer joined = ByteBuffer.allocate(size);
        buffers.forEach(joined::put);
        return joined.flip();
    }

    /** Takes a body no one will read and cancels it, which closes its connection. */
    private static final class Discarding implements Flow.Subscriber<List<ByteBuffer>> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled: nothing more is read
        }

        @Override
        public void onError(Throwable throwable) {
            // the call has failed already
        }

        @Override
        public void onComplete() {
            // nothing was read
        }
    }

    private final class Relay implements Flow.Subscriber<List<ByteBuffer>> {

        private final Flow.Subscriber<? super ByteBuffer> downstream;

        Relay(Flow.Subscriber<? super ByteBuffer> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            // The call ending in failure while the body is read (cancelled, or failed by the SDK with any
            // cause) closes the body; after a normal end there is nothing left to close.
            done.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    subscription.cancel();
                }
            });
            downstream.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    subscription.request(n);
                }

                @Override
                public void cancel() {
                    subscription.cancel();
                    // The SDK stopped reading: the call is over, and nothing more will be delivered.
                    done.complete(null);
                }
            });
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            downstream.onNext(joined(buffers));
        }

        @Override
        public void onError(Throwable failure) {
            try {
                downstream.onError(failure);
            } finally {
                done.completeExceptionally(failure);
            }
        }

        @Override
        public void onComplete() {
            try {
                downstream.onComplete();
            } finally {
                done.complete(null);
            }
        }
    }
}
