package dev.switchboard.cost;

import java.util.Objects;

/**
 * A token count and how far it can be trusted: {@code exact} only when the model's own encoding (and,
 * for a chat, its documented message framing) was used. {@code basis} names what was counted with,
 * e.g. "o200k_base", or "chars/4" for the rule of thumb.
 */
public record TokenCount(int tokens, boolean exact, String basis) {

    public static final String EXACT = "exact";
    public static final String ESTIMATE = "estimate";

    public TokenCount {
        if (tokens < 0) {
            throw new IllegalArgumentException("a token count must not be negative");
        }
        Objects.requireNonNull(basis, "basis");
    }

    /** The label reported next to counts elsewhere: "exact" or "estimate". */
    public String method() {
        return exact ? EXACT : ESTIMATE;
    }
}
