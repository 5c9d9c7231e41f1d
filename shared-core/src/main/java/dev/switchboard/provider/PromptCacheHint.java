package dev.switchboard.provider;

import java.util.Set;

/**
 * OpenAI's prompt-cache hints: {@code key} groups requests that share a long prefix, so that they reach the
 * same cache ({@code prompt_cache_key}), and {@code retention} asks for how long a prefix is kept
 * ({@code prompt_cache_retention}, "in_memory" or "24h"; early OpenAPI documents spelt the first
 * "in-memory", which OpenAI's API refuses, so that spelling is taken and sent as OpenAI reads it). They change where and how long OpenAI caches, not
 * the answer: only OpenAI itself is sent them, the other protocols cache in their own ways, and the
 * response cache's key leaves them out.
 */
public record PromptCacheHint(String key, String retention) {

    public static final PromptCacheHint NONE = new PromptCacheHint(null, null);
    public static final Set<String> RETENTIONS = Set.of("in_memory", "24h");
    /** The longest key passed on: far beyond any grouping a caller needs, short of a prompt's length. */
    public static final int MAX_KEY_CHARS = 1024;

    public PromptCacheHint {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_CHARS)) {
            throw new IllegalArgumentException("a prompt cache key is 1 to " + MAX_KEY_CHARS + " characters, not "
                    + key.length());
        }
        if (retention != null && !RETENTIONS.contains(retention)) {
            throw new IllegalArgumentException("prompt cache retention is in_memory or 24h");
        }
    }
}
