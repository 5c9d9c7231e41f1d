package dev.switchboard.routing;

import java.util.Locale;

/** How sure a strategy is of its choice (seed 001: high / medium / low). */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
