package dev.switchboard.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that never waits and remembers every wait it was asked for. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> requested = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        requested.add(duration);
    }
}
