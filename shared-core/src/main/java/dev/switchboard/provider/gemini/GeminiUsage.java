package dev.switchboard.provider.gemini;

import dev.switchboard.provider.Usage;
import io.micronaut.json.tree.JsonNode;

/**
 * Gemini's usageMetadata in the unified model. Gemini counts a thinking model's thoughts apart from
 * the answer (thoughtsTokenCount is not in candidatesTokenCount) but bills them as output, so the
 * unified output is candidates + thoughts, with the thoughts as its reasoning part. Tokens of tool
 * results Gemini fetched itself (toolUsePromptTokenCount) are billed as input, and counted there.
 * promptTokenCount already includes cachedContentTokenCount. The prompt's AUDIO modality count
 * (promptTokensDetails) is its audio part, capped by what the cache did not serve (the cache's own modality split
 * is not read), so audio is billed as audio wherever it can be.
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
        int audio = Math.min(input - cached, audioPromptTokens(usage.get("promptTokensDetails")));
        return new Usage(input, output, reasoning, cached, 0, audio);
    }

    /** The AUDIO entry of a list of {modality, tokenCount}; 0 when there is none. */
    private static int audioPromptTokens(JsonNode details) {
        if (details == null || !details.isArray()) {
            return 0;
        }
        for (JsonNode entry : details.values()) {
            JsonNode modality = entry.isObject() ? entry.get("modality") : null;
            if (modality != null && modality.isString() && "AUDIO".equals(modality.getStringValue())) {
                return count(entry, "tokenCount");
            }
        }
        return 0;
    }

    private static int count(JsonNode usage, String field) {
        JsonNode value = usage.get(field);
        return isCount(value) ? value.getIntValue() : 0;
    }

    private static boolean isCount(JsonNode node) {
        return node != null && node.isNumber() && node.getIntValue() >= 0;
    }
}
