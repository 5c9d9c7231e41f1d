package dev.switchboard.provider;

/** Tokens a call consumed, as the provider reported them. */
public record Usage(int inputTokens, int outputTokens) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
