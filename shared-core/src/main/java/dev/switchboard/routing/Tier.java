package dev.switchboard.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How strong (and how dear) a deployment is. Ordered from cheapest to strongest. */
public enum Tier {
    ECONOMY, STANDARD, PREMIUM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
