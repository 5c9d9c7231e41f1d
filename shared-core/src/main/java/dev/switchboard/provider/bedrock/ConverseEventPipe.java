package dev.switchboard.provider.bedrock;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carries a ConverseStream's events from the SDK's I/O threads to the thread that called stream(),
 * one at a time: the caller asks for the next event only after handling the last, so the upstream
 * is never read faster than the sink takes chunks, and the sink only ever runs on the caller's
 * thread. Failures reported by the SDK (by the subscriber or the call's future) queue up as signals
 * behind the events that came before them.
 */
final class ConverseEventPipe implements Subscriber<ConverseStreamOutput> {

    /** What the caller takes next: an event, the stream's clean end, or a failure. */
    sealed interface Signal {
    }

    record Event(ConverseStreamOutput event) implements Signal {
    }

    record Completed() implements Signal {
    }

    record Failed(Throwable cause) implements Signal {
    }

    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(ConverseStreamOutput event) {
        signals.add(new Event(event));
    }

    @Override
    public void onError(Throwable t) {
        signals.add(new Failed(t));
    }

    @Override
    public void onComplete() {
        signals.add(new Completed());
    }

    /** For failures the SDK reports outside the subscriber (a refused call, the future failing). */
    void fail(Throwable t) {
        signals.add(new Failed(t));
    }

    /** @return the next signal, or null when none came within {@code idle} */
    Signal next(Duration idle) throws InterruptedException {
        return signals.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Called by the caller once it has handled an event. */
    void requestNext() {
        Subscription s = subscription;
        if (s != null && !cancelled) {
            s.request(1);
        }
    }

    /** The caller gives up on the stream (failure, timeout, a sink that threw). */
    void cancel() {
        cancelled = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
