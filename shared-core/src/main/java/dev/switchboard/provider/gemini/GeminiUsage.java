package dev.switchboard.provider.gemini;

import dev.switchboard.provider.Usage;
import io.micronaut.json.tree.JsonNode;

/**
 * Gemini's usageMetadata in the unified model. Gemini counts a thinking model's thoughts apart from
 * the answer (thoughtsTokenCount is not in candidatesTokenCount) but bills them as output, so the
 * unified output is candidates + thoughts, with the thoughts as its reasoning part. Tokens of tool
 * results Gemini fetched itself (toolUsePromptTokenCount) are billed as input, and counted there.
 * promptTokenCount already includes cachedContentTokenCount.
 */
final class GeminiUsage {

    private GeminiUsage() {
    }

    /** The usage, or null when the object carries no prompt count to build one from. */
    static Usage of(JsonNode usage) {
        if (usage == null || !usage.isObject() || !isCount(usage.get("promptTokenCount"))) {
            return null;
        }
        int input = usage.get("promptTokenCount").getIntValue() + count(usage, "toolUsePromptTokenCount");
        int reasoning = count(usage, "thoughtsTokenCount");
        int output = count(usage, "candidatesTokenCount") + reasoning;
        int cached = Math.min(input, count(usage, "cachedContentTokenCount"));
        return new Usage(input, output, reasoning, cached);
    }

    private static int count(JsonNode usage, String field) {
        JsonNode value = usage.get(field);
        return isCount(value) ? value.getIntValue() : 0;
    }

    private static boolean isCount(JsonNode node) {
        return node != null && node.isNumber() && node.getIntValue() >= 0;
    }
}
