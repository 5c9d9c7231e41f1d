package dev.switchboard.testsupport;

import dev.switchboard.service.Delays;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Delays that wait for the test: work runs when {@link #runNext} is called, on the test's thread. */
public final class ManualDelays implements Delays {

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<Duration> asked = new ArrayList<>();

    @Override
    public synchronized void after(Duration delay, Runnable work) {
        asked.add(delay);
        queued.add(work);
    }

    /** Runs the oldest queued work; false when none is queued. */
    public boolean runNext() {
        Runnable next;
        synchronized (this) {
            next = queued.poll();
        }
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Every delay asked for so far, in order. */
    public synchronized List<Duration> asked() {
        return List.copyOf(asked);
    }

    public synchronized int queued() {
        return queued.size();
    }
}
