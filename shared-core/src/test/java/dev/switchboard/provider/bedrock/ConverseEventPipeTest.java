package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Which of the several reports of one stream failure is classified. The orders below are the ones
 * the SDK produces: its cancellation of the HTTP stream can reach the response handler and the
 * call's future before the exception frame reaches the subscriber.
 */
class ConverseEventPipeTest {

    /** Long enough that a test waiting on it would be noticed; none of these cases waits for it. */
    private static final Duration NEVER = Duration.ofMinutes(5);

    private final ConverseEventPipe pipe = new ConverseEventPipe();
    private final AtomicLong requested = new AtomicLong();
    private final RuntimeException cancelled = SdkClientException.builder().message("stream cancelled").build();
    private final ThrottlingException throttled = ThrottlingException.builder().message("slow down").build();

    private void subscribe() {
        pipe.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
            }
        });
    }

    private ConverseEventPipe.Failed firstFailure() throws InterruptedException {
        return (ConverseEventPipe.Failed) pipe.next(Duration.ZERO);
    }

    @Test
    void theStreamsOwnExceptionWinsOverACancellationReportedBeforeIt() throws InterruptedException {
        subscribe();
        pipe.fail(cancelled);
        pipe.fail(new CompletionException(cancelled));
        pipe.onNext(MessageStopEvent.builder().stopReason("end_turn").build());
        pipe.onError(throttled);

        assertSame(throttled, pipe.settle(firstFailure(), NEVER));
        assertEquals(3, requested.get(), "one at subscription, one to reach the stream's end, one past the event");
    }

    @Test
    void whenTheStreamEndedWithTheFailureNothingElseIsAwaited() throws InterruptedException {
        subscribe();
        pipe.onError(throttled);

        assertSame(throttled, pipe.settle(firstFailure(), NEVER));
    }

    @Test
    void aLaterReportDoesNotReplaceBedrocksExceptionButAnEarlierOneIsTakenAsItCame() throws InterruptedException {
        subscribe();
        pipe.onError(throttled);
        pipe.fail(cancelled);

        assertSame(throttled, pipe.settle(firstFailure(), NEVER));
    }

    @Test
    void aStreamThatNeverBeganHasNothingMoreToSay() throws InterruptedException {
        pipe.fail(cancelled);

        assertSame(cancelled, pipe.settle(firstFailure(), NEVER));
    }

    @Test
    void aStreamThatNeverEndsIsWaitedForOnlyAsLongAsTheBound() throws InterruptedException {
        subscribe();
        pipe.fail(cancelled);

        assertSame(cancelled, pipe.settle(firstFailure(), Duration.ofMillis(20)));
    }
}
