package dev.switchboard.provider;

import java.time.Duration;

/** Waits; injected so that simulated latency costs tests nothing. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;

    /** Waits; false when the wait was interrupted, with the interrupt kept set for the caller's caller to see. */
    default boolean sleepUnlessInterrupted(Duration duration) {
        try {
            sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
