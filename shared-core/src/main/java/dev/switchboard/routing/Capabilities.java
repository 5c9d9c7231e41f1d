package dev.switchboard.routing;

/**
 * What a deployment can do: its context window in tokens and whether it takes tools, images and
 * streaming. Request constraints are checked against these.
 */
public record Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming) {

    /** What a deployment is assumed to offer when its configuration says nothing. */
    public static final Capabilities DEFAULTS = new Capabilities(8192, false, false, true);

    public Capabilities {
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be at least 1 token: " + contextLength);
        }
    }
}
