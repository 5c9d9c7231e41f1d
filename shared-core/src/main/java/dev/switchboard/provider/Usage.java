package dev.switchboard.provider;

/**
 * Tokens a call consumed, as the provider reported them. {@code reasoningTokens} are the part of the
 * output spent on hidden reasoning, {@code cachedInputTokens} the part of the input served from the
 * provider's prompt cache, {@code cacheWriteInputTokens} the part of the input written to that
 * cache (Anthropic and Bedrock bill a write above plain input), and {@code audioInputTokens} the part of the
 * input that was audio, not read from the cache (OpenAI and Gemini bill it above text). All four are already
 * included in the totals, and 0 when not reported.
 */
public record Usage(int inputTokens, int outputTokens, int reasoningTokens, int cachedInputTokens,
                    int cacheWriteInputTokens, int audioInputTokens) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || reasoningTokens < 0 || cachedInputTokens < 0
                || cacheWriteInputTokens < 0 || audioInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (reasoningTokens > outputTokens
                || (long) cachedInputTokens + cacheWriteInputTokens + audioInputTokens > inputTokens) {
            throw new IllegalArgumentException("reasoning, cached, cache-write and audio tokens are parts of the output "
                    + "and input");
        }
    }

    /** No audio reported, as every answer to a prompt of text alone. */
    public Usage(int inputTokens, int outputTokens, int reasoningTokens, int cachedInputTokens,
                 int cacheWriteInputTokens) {
        this(inputTokens, outputTokens, reasoningTokens, cachedInputTokens, cacheWriteInputTokens, 0);
    }

    /** No cache writes reported, as every provider but Anthropic and Bedrock answers. */
    public Usage(int inputTokens, int outputTokens, int reasoningTokens, int cachedInputTokens) {
        this(inputTokens, outputTokens, reasoningTokens, cachedInputTokens, 0);
    }

    /** Input and output only, as most answers report them. */
    public Usage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0, 0, 0);
    }

    /** The same tokens with none read from or written to a provider's prompt cache: an answer served again. */
    public Usage withoutPromptCache() {
        return cachedInputTokens == 0 && cacheWriteInputTokens == 0 ? this
                : new Usage(inputTokens, outputTokens, reasoningTokens, 0, 0, audioInputTokens);
    }
}
