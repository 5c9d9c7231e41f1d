package dev.switchboard.provider;

/**
 * Tokens a call consumed, as the provider reported them. {@code reasoningTokens} are the part of the
 * output spent on hidden reasoning, and {@code cachedInputTokens} the part of the input served from
 * the provider's prompt cache (both already included in the totals, and 0 when not reported).
 */
public record Usage(int inputTokens, int outputTokens, int reasoningTokens, int cachedInputTokens) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || reasoningTokens < 0 || cachedInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (reasoningTokens > outputTokens || cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("reasoning and cached tokens are parts of the output and input");
        }
    }

    /** Input and output only, as most answers report them. */
    public Usage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0, 0);
    }
}
