package dev.switchboard.architecture.samples.plainrouting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Obeys the routing rules: plain Java, time and randomness injected. */
public final class PlainRule {

    private final Clock clock;
    private final Random random;

    public PlainRule(Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    public Instant decidedAt() {
        return clock.instant();
    }

    public String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
