package dev.switchboard.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, or, once {@link #ticking()}, also moves with real time. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-22T12:00:00Z");
    /** The System.nanoTime() real time is counted from, once ticking. */
    private volatile long ticksFrom;
    private volatile boolean ticking;

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * From now on the clock also moves with real time, as a production clock does: for tests where timers
     * and sockets, which count real time, must agree with it (a deadline that cuts a real stream).
     */
    public MutableClock ticking() {
        now = instant();
        ticksFrom = System.nanoTime();
        ticking = true;
        return this;
    }

    @Override
    public Instant instant() {
        return ticking ? now.plusNanos(System.nanoTime() - ticksFrom) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new IllegalArgumentException("the test clock stays in UTC");
    }
}
