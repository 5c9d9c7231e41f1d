package dev.switchboard.provider.openai;

import dev.switchboard.provider.Usage;
import io.micronaut.json.tree.JsonNode;

/**
 * OpenAI's usage object in the unified model, with cached input, audio input and reasoning output tokens where
 * reported. The audio counted apart is capped by what the cache did not serve: OpenAI may count cached audio in
 * both, and its split is not reported here, so audio is billed as audio wherever it can be.
 */
final class OpenAiUsage {

    private OpenAiUsage() {
    }

    /** The usage, or null when the body carries none (some compatible servers omit it). */
    static Usage of(JsonNode usage) {
        if (usage == null || !usage.isObject() || !isCount(usage.get("prompt_tokens"))
                || !isCount(usage.get("completion_tokens"))) {
            return null;
        }
        int input = usage.get("prompt_tokens").getIntValue();
        int output = usage.get("completion_tokens").getIntValue();
        int cached = Math.min(input, detail(usage, "prompt_tokens_details", "cached_tokens"));
        int reasoning = Math.min(output, detail(usage, "completion_tokens_details", "reasoning_tokens"));
        int audio = Math.min(input - cached, detail(usage, "prompt_tokens_details", "audio_tokens"));
        return new Usage(input, output, reasoning, cached, 0, audio);
    }

    private static int detail(JsonNode usage, String group, String field) {
        JsonNode details = usage.get(group);
        JsonNode value = details == null || !details.isObject() ? null : details.get(field);
        return isCount(value) ? value.getIntValue() : 0;
    }

    private static boolean isCount(JsonNode node) {
        return node != null && node.isNumber() && node.getIntValue() >= 0;
    }
}
