package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.Usage;
import io.micronaut.json.tree.JsonNode;

/**
 * Anthropic's usage object as the unified model counts it. Anthropic's input_tokens leaves out the
 * prompt-cache tokens, which it reports beside it; the unified input is all three added up, so the
 * caller's prompt_tokens and the rate-limit windows count every token sent. Cache reads are also the
 * cached part and cache writes the cache-write part, each priced at its own rate.
 */
final class AnthropicUsage {

    private AnthropicUsage() {
    }

    /** The input side as a stream's message_start or a whole response reports it. */
    record Input(int uncached, int cacheWrite, int cacheRead) {

        int total() {
            return uncached + cacheWrite + cacheRead;
        }

        /** Each count at its larger value: a stream reports running totals, never smaller ones. */
        Input max(Input other) {
            return new Input(Math.max(uncached, other.uncached), Math.max(cacheWrite, other.cacheWrite),
                    Math.max(cacheRead, other.cacheRead));
        }
    }

    /** The input counts of a usage object, or null when it carries no input_tokens. */
    static Input input(JsonNode usage) {
        if (usage == null || !usage.isObject() || !isCount(usage.get("input_tokens"))) {
            return null;
        }
        return new Input(usage.get("input_tokens").getIntValue(), count(usage, "cache_creation_input_tokens"),
                count(usage, "cache_read_input_tokens"));
    }

    /** The output_tokens of a usage object, or -1 when it carries none. */
    static int output(JsonNode usage) {
        if (usage == null || !usage.isObject() || !isCount(usage.get("output_tokens"))) {
            return -1;
        }
        return usage.get("output_tokens").getIntValue();
    }

    /** The unified usage of a whole response's usage object, or null when it lacks a count. */
    static Usage of(JsonNode usage) {
        Input input = input(usage);
        int output = output(usage);
        return input == null || output < 0 ? null : of(input, output);
    }

    static Usage of(Input input, int output) {
        // Anthropic reports no separate count of thinking tokens: they are in output_tokens.
        return new Usage(input.total(), output, 0, input.cacheRead(), input.cacheWrite());
    }

    private static int count(JsonNode usage, String field) {
        JsonNode value = usage.get(field);
        return isCount(value) ? value.getIntValue() : 0;
    }

    private static boolean isCount(JsonNode node) {
        return node != null && node.isNumber() && node.getIntValue() >= 0;
    }
}
