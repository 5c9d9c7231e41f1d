package dev.switchboard.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that the ledger's use sets off: run on an executor, off the caller's thread, when asked and due,
 * at most once per period and never twice at once. Asking costs a clock read and a volatile one.
 */
public final class PacedTask {

    private final Clock clock;
    private final Duration every;
    private final Executor executor;
    private final Runnable work;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant next;

    /** {@code work} is first due at {@code firstAt}, then {@code every} after each time it was set off. */
    public PacedTask(Clock clock, Duration every, Instant firstAt, Executor executor, Runnable work) {
        this.clock = Objects.requireNonNull(clock);
        this.every = Objects.requireNonNull(every);
        this.next = Objects.requireNonNull(firstAt);
        this.executor = Objects.requireNonNull(executor);
        this.work = Objects.requireNonNull(work);
    }

    /** Sets the work off if it is due and not running; otherwise does nothing. */
    public void ask() {
        Instant now = clock.instant();
        if (now.isBefore(next) || !running.compareAndSet(false, true)) {
            return;
        }
        if (now.isBefore(next)) {
            // Another caller set it off and it finished between this one's look and its turn.
            running.set(false);
            return;
        }
        next = now.plus(every);
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            // Refused (shutting down) or failed to start: it may be set off again, at its next due time.
            running.set(false);
        }
    }

    /** Makes the work due at the next {@link #ask()} (from inside the work: more of it is waiting). */
    public void dueNow() {
        next = Instant.MIN;
    }
}
