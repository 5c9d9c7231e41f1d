package dev.switchboard.provider.anthropic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's prompt cache caches only a prefix the request marks with {@code cache_control}. With the
 * operator's {@code prompt-caching: true} up to three marks go in (Anthropic takes four), the placement its
 * documentation suggests for conversations: one at the end of the fixed prefix (the system prompt, or the
 * last tool when there is none), which other conversations with the same tools and instructions read; one on
 * the last block of the last turn, which the conversation's next request reads up to; and one on the last
 * block of the user turn before it, where the previous request put its mark, since Anthropic looks for an
 * earlier entry only some 20 blocks back from a mark and an agent's turn of many tool calls and results
 * would otherwise miss it. A prefix shorter than the model's least cacheable length is sent uncached,
 * without an error.
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

    /** Marks the last block of the last turn and of the user turn before it (see above). */
    static void markTurns(List<Map<String, Object>> turns) {
        int last = turns.size() - 1;
        markLastBlock(turns.get(last));
        for (int i = last - 1; i >= 0; i--) {
            if ("user".equals(turns.get(i).get("role"))) {
                markLastBlock(turns.get(i));
                break;
            }
        }
    }

    /** The turn's block list is AnthropicTurns' own, and mutable; the block itself may not be. */
    @SuppressWarnings("unchecked")
    private static void markLastBlock(Map<String, Object> turn) {
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) turn.get("content");
        int last = blocks.size() - 1;
        Map<String, Object> marked = new LinkedHashMap<>(blocks.get(last));
        marked.put("cache_control", EPHEMERAL);
        blocks.set(last, marked);
    }
}
