package dev.switchboard.service;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One probe call, the cheapest real request (a one-token answer), waited for at most {@code timeout}.
 * The call runs on a worker thread so that a provider which never answers costs the probe run
 * {@code timeout}, not the rest of its schedule; the stuck worker is interrupted and abandoned. The
 * request carries the same deadline, so the HTTP call ends by itself then too: the socket transport
 * does not see interrupts.
 */
final class ProbeCall {

    static final String PROBE_PROMPT = "ping";

    /** How a probe ended: healthy, a provider failure, or a failure of our own code (neither). */
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

    private ProbeCall() {
    }

    static Outcome run(ChatProvider provider, String model, Instant started, Duration timeout,
                       ExecutorService workers) {
        ChatRequest request = new ChatRequest(model, List.of(ChatMessage.user(PROBE_PROMPT)), 1)
                .withDeadline(started.plus(timeout));
        Future<?> call = workers.submit(() -> provider.complete(request));
        try {
            call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.HEALTHY;
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(new ProviderException(provider.name(), ProviderException.Kind.TIMEOUT,
                    "no answer to the health probe within " + timeout), null, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failure) {
                return Outcome.failed(failure);
            }
            return Outcome.broken(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.broken(new IllegalStateException("interrupted while probing", e));
        }
    }
}
