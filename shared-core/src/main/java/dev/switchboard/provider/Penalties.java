package dev.switchboard.provider;

/**
 * OpenAI's repetition penalties, each from -2 to 2 and 0 by default: {@code presence} for a token that has
 * appeared at all, {@code frequency} in proportion to how often. OpenAI's and Gemini's wires carry them;
 * Anthropic's and Converse's have no such fields.
 */
public record Penalties(double presence, double frequency) {

    public static final double MAX = 2;
    public static final Penalties NONE = new Penalties(0, 0);

    public Penalties {
        if (!(presence >= -MAX && presence <= MAX) || !(frequency >= -MAX && frequency <= MAX)) {
            throw new IllegalArgumentException("penalties are from -2 to 2: " + presence + ", " + frequency);
        }
    }

    /** Whether either penalty differs from 0, the default every protocol has. */
    public boolean any() {
        return presence != 0 || frequency != 0;
    }
}
