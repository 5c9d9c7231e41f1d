package dev.switchboard.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A capability a request may need beyond text, in the order a missing one is reported: each with the word
 * callers and the providers file use for it, how a deployment's {@link Capabilities} say it has it, and
 * how a deployment without it is described.
 */
public enum Capability {
    TOOLS(Capabilities::tools, "does not support tools"),
    VISION(Capabilities::vision, "does not support images (vision)"),
    STREAMING(Capabilities::streaming, "does not support streaming"),
    JSON(Capabilities::json, "does not support JSON output (capability json)"),
    PDF(Capabilities::pdf, "does not read PDF files (capability pdf)"),
    REASONING(Capabilities::reasoning, "does not take a reasoning effort (capability reasoning)"),
    AUDIO(Capabilities::audio, "does not take audio input (capability audio)");

    private final Predicate<Capabilities> offered;
    private final String missing;

    Capability(Predicate<Capabilities> offered, String missing) {
        this.offered = offered;
        this.missing = missing;
    }

    /** The word for this capability in requests (requires=...) and in the providers file. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean offeredBy(Capabilities capabilities) {
        return offered.test(capabilities);
    }

    /** Why a deployment without this capability cannot serve a request that needs it. */
    public String missing() {
        return missing;
    }

    public static Optional<Capability> fromWireName(String word) {
        return Arrays.stream(values()).filter(capability -> capability.wireName().equals(word)).findFirst();
    }
}
