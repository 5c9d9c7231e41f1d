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
 *
 * <p>One failure reaches us several times, in no fixed order. An exception frame (throttling, a
 * model error) is thrown inside the SDK's event publisher, which cancels the HTTP stream and then
 * signals the exception to this subscriber; the cancellation itself reaches the response handler and
 * the call's future, and when it gets there first, they report only that. The subscriber's own end
 * is therefore the one signal that always carries Bedrock's exception: see {@link #settle}.
 */
final class ConverseEventPipe implements Subscriber<ConverseStreamOutput> {

    /** What the caller takes next: an event, the stream's clean end, or a failure. */
    sealed interface Signal {
    }

    record Event(ConverseStreamOutput event) implements Signal {
    }

    record Completed() implements Signal {
    }

    /** @param endsStream whether the event stream itself ended with it (its subscriber's onError) */
    record Failed(Throwable cause, boolean endsStream) implements Signal {
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
        signals.add(new Failed(t, true));
    }

    @Override
    public void onComplete() {
        signals.add(new Completed());
    }

    /** For failures the SDK reports outside the subscriber (a refused call, the future failing). */
    void fail(Throwable t) {
        signals.add(new Failed(t, false));
    }

    /**
     * The failure to classify, once one was seen: when the event stream had begun and did not end
     * with this failure, waits for its own end (discarding events, asking for more so that it gets
     * there), at most {@code bound}; then takes whatever else has already come. Bedrock's own
     * exception wins over the transport's account of it, and the first of those wins over later ones.
     * A stream that never began has nothing more to say, so nothing is awaited.
     */
    Throwable settle(Failed first, Duration bound) throws InterruptedException {
        Throwable best = first.cause();
        boolean ended = first.endsStream() || subscription == null;
        long until = System.nanoTime() + bound.toNanos();
        if (!ended) {
            requestNext();
        }
        Signal next;
        while (!ended && (next = signals.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (next instanceof Failed failed) {
                best = moreTelling(best, failed.cause());
                ended = failed.endsStream();
            } else if (next instanceof Completed) {
                ended = true;
            } else {
                requestNext();
            }
        }
        while ((next = signals.poll()) != null) {
            if (next instanceof Failed failed) {
                best = moreTelling(best, failed.cause());
            }
        }
        return best;
    }

    private static Throwable moreTelling(Throwable best, Throwable candidate) {
        return !BedrockFailures.isServiceFailure(best) && BedrockFailures.isServiceFailure(candidate) ? candidate : best;
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
