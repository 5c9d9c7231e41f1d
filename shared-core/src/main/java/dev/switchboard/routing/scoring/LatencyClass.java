package dev.switchboard.routing.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a request cares about speed (seed 000's latency priority). Each class has an SLA target
 * from configuration, and an emphasis by which the health and performance factors are weighted.
 */
public enum LatencyClass {
    ULTRA_LOW(1.0), LOW(0.85), MEDIUM(0.7), HIGH(0.55);

    private final double emphasis;

    LatencyClass(double emphasis) {
        this.emphasis = emphasis;
    }

    public double emphasis() {
        return emphasis;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LatencyClass> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
