package dev.switchboard.service;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.resilience.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One probe of one deployment: the cheapest real request (a one-token answer), retried as a request's
 * call is ({@link RetryPolicy}: 5xx, 429 and timeouts, with backoff through the injected {@link Sleeper}),
 * all within {@code timeout}. A single blip must not publish an OPEN that every instance adopts.
 * Each try runs on a worker thread so that a provider which never answers costs the probe run what is
 * left of {@code timeout}, not the rest of its schedule; the stuck worker is interrupted and abandoned.
 * The request carries the same deadline, so the HTTP call ends by itself then too: the socket transport
 * does not see interrupts.
 */
final class ProbeCall {

    static final String PROBE_PROMPT = "ping";

    /**
     * How a probe ended: healthy, a provider failure, or a failure of our own code (neither).
     * {@code timedOut}: cut by the probe's own timeout, far shorter than a call's, so inconclusive.
     */
    record Outcome(ProviderException failure, RuntimeException unexpected, boolean timedOut) {

        static final Outcome HEALTHY = new Outcome(null, null, false);

        static Outcome failed(ProviderException failure) {
            return new Outcome(failure, null, false);
        }

        static Outcome broken(RuntimeException unexpected) {
            return new Outcome(null, unexpected, false);
        }

        boolean healthy() {
            return failure == null && unexpected == null;
        }
    }

    private final RetryPolicy retries;
    private final Sleeper sleeper;
    private final Clock clock;

    ProbeCall(RetryPolicy retries, Sleeper sleeper, Clock clock) {
        this.retries = retries;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    Outcome run(ChatProvider provider, String model, Instant started, Duration timeout, ExecutorService workers) {
        Instant deadline = started.plus(timeout);
        ChatRequest request = new ChatRequest(model, List.of(ChatMessage.user(PROBE_PROMPT)), 1).withDeadline(deadline);
        int retried = 0;
        Outcome failed = null;
        while (true) {
            Outcome outcome = attempt(provider, request, deadline, workers);
            if (outcome.timedOut() && failed != null) {
                // A retry the probe's time cut short says nothing; the failure before it still does.
                return failed;
            }
            if (outcome.failure() == null || outcome.timedOut()) {
                return outcome;
            }
            failed = outcome;
            Optional<Duration> wait = retries.waitBeforeRetry(outcome.failure(), retried, clock.instant(), deadline);
            if (wait.isEmpty() || !sleeper.sleepUnlessInterrupted(wait.get())) {
                return outcome;
            }
            retried++;
        }
    }

    private Outcome attempt(ChatProvider provider, ChatRequest request, Instant deadline, ExecutorService workers) {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        if (left <= 0) {
            return cut(provider, deadline);
        }
        Future<?> call = workers.submit(() -> provider.complete(request));
        try {
            call.get(left, TimeUnit.MILLISECONDS);
            return Outcome.HEALTHY;
        } catch (TimeoutException e) {
            call.cancel(true);
            return cut(provider, deadline);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failure) {
                return RetryPolicy.cutByDeadline(failure, clock.instant(), deadline) ? new Outcome(failure, null, true)
                        : Outcome.failed(failure);
            }
            return Outcome.broken(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.broken(new IllegalStateException("interrupted while probing", e));
        }
    }

    private static Outcome cut(ChatProvider provider, Instant deadline) {
        return new Outcome(new ProviderException(provider.name(), ProviderException.Kind.TIMEOUT,
                "no answer to the health probe by " + deadline), null, true);
    }
}
