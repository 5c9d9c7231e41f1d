package dev.switchboard.provider.anthropic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's prompt cache caches only a prefix the request marks with {@code cache_control}. With the
 * operator's {@code prompt-caching: true} two marks go in, the placement Anthropic's documentation suggests
 * for conversations: one at the end of the fixed prefix (the system prompt, or the last tool when there is
 * none), which other conversations with the same tools and instructions read, and one on the last block of
 * the last turn, which the conversation's next request reads up to. A prefix shorter than the model's least
 * cacheable length is sent uncached, without an error.
 */
final class AnthropicCacheBreakpoints {

    /** The five-minute cache, Anthropic's default; its writes cost 1.25 times the input price, its reads 0.1. */
    private static final Map<String, Object> EPHEMERAL = Map.of("type", "ephemeral");

    private AnthropicCacheBreakpoints() {
    }

    /** The system prompt as one text block marked for the cache. */
    static List<Map<String, Object>> markedSystem(String system) {
        return List.of(Map.of("type", "text", "text", system, "cache_control", EPHEMERAL));
    }

    /** Marks the last tool, the end of the prefix when there is no system prompt (tools come first). */
    static void markLastTool(List<Map<String, Object>> tools) {
        if (!tools.isEmpty()) {
            tools.get(tools.size() - 1).put("cache_control", EPHEMERAL);
        }
    }

    /** Marks the last block of the last turn (the turns' block lists are the mapper's own, and mutable). */
    @SuppressWarnings("unchecked")
    static void markLastTurn(List<Map<String, Object>> turns) {
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) turns.get(turns.size() - 1).get("content");
        int last = blocks.size() - 1;
        Map<String, Object> marked = new LinkedHashMap<>(blocks.get(last));
        marked.put("cache_control", EPHEMERAL);
        blocks.set(last, marked);
    }
}
