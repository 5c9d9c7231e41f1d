package dev.switchboard.config;

/** What a deployment can do; constraints are checked against these. */
public record Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming) {

    public static final Capabilities DEFAULTS = new Capabilities(8192, false, false, true);
}
