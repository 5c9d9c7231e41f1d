package dev.switchboard.resilience;

import dev.switchboard.provider.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that returns at once, remembers each wait and moves the test clock past it. */
final class ClockSleeper implements Sleeper {

    final List<Duration> waits = new ArrayList<>();
    private final TestClock clock;

    ClockSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    List<Long> waitsMillis() {
        return waits.stream().map(Duration::toMillis).toList();
    }
}
