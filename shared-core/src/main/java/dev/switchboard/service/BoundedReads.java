package dev.switchboard.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Background reads of the copies routing keeps (shared state, feedback quality): the read runs on an
 * executor, and the caller waits for it only when asked, and then at most a bound, so that a fresh
 * instance does not answer from an empty copy while a busy one never waits.
 */
final class BoundedReads {

    private BoundedReads() {
    }

    /**
     * Starts {@code read} on {@code reader} and waits for it at most {@code wait} (zero: not at all);
     * false when the executor refused it, so that the caller can let the next one try.
     */
    static boolean start(Executor reader, Runnable read, Duration wait) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            reader.execute(() -> {
                try {
                    read.run();
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            return false;
        }
        if (!wait.isZero()) {
            try {
                done.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // The read goes on; the caller answers from the copy it has.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }
}
