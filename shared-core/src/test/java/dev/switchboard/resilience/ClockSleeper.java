package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.provider.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that returns at once, remembers each wait and moves the test clock past it. */
final class ClockSleeper implements Sleeper {

    final List<Duration> waits = new ArrayList<>();
    /** When set, the next wait is interrupted instead of taken. */
    boolean interruptNext;
    private final MutableClock clock;

    ClockSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (interruptNext) {
            interruptNext = false;
            throw new InterruptedException("test");
        }
        waits.add(duration);
        clock.advance(duration);
    }

    List<Long> waitsMillis() {
        return waits.stream().map(Duration::toMillis).toList();
    }
}
