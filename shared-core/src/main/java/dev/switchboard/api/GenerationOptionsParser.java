package dev.switchboard.api;

import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.ReasoningEffort;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chat completion's generation options, each error a 400 naming the field: top_p, stop, response_format,
 * seed, reasoning_effort, presence_penalty, frequency_penalty, prompt_cache_key and prompt_cache_retention.
 */
final class GenerationOptionsParser {

    static final Set<String> FIELDS = Set.of("top_p", "stop", ResponseFormatParser.FIELD, "seed", "reasoning_effort",
            "presence_penalty", "frequency_penalty", "prompt_cache_key", "prompt_cache_retention");

    private GenerationOptionsParser() {
    }

    static GenerationOptions parse(JsonMapper mapper, JsonBody json) {
        return new GenerationOptions(topP(json), stop(json.optionalNode("stop")),
                ResponseFormatParser.parse(mapper, json.optionalNode(ResponseFormatParser.FIELD)),
                json.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE), reasoning(json), penalties(json),
                promptCache(json));
    }

    /** OpenAI's presence_penalty and frequency_penalty, each from -2 to 2; 0 (OpenAI's default) when not given. */
    private static Penalties penalties(JsonBody json) {
        Double presence = json.optionalDecimal("presence_penalty", -Penalties.MAX, Penalties.MAX);
        Double frequency = json.optionalDecimal("frequency_penalty", -Penalties.MAX, Penalties.MAX);
        return new Penalties(presence == null ? 0 : presence, frequency == null ? 0 : frequency);
    }

    /** OpenAI's reasoning_effort, one of its words; null when not given. */
    private static ReasoningEffort reasoning(JsonBody json) {
        String word = json.optionalText("reasoning_effort", null);
        if (word == null) {
            return null;
        }
        return ReasoningEffort.of(word).orElseThrow(() -> new InvalidRequestException("reasoning_effort",
                "'reasoning_effort' must be one of " + Arrays.stream(ReasoningEffort.values())
                        .map(ReasoningEffort::wireName).collect(Collectors.joining(", "))));
    }

    /**
     * OpenAI's prompt_cache_key (a non-blank string) and prompt_cache_retention ("in_memory" or "24h"; the
     * "in-memory" of early OpenAPI documents is read as "in_memory").
     */
    private static PromptCacheHint promptCache(JsonBody json) {
        String key = json.optionalText("prompt_cache_key", null);
        if (key != null && (key.isBlank() || key.length() > PromptCacheHint.MAX_KEY_CHARS)) {
            throw new InvalidRequestException("prompt_cache_key", "'prompt_cache_key' must be a non-blank string of at "
                    + "most " + PromptCacheHint.MAX_KEY_CHARS + " characters");
        }
        String retention = json.optionalText("prompt_cache_retention", null);
        if ("in-memory".equals(retention)) {
            retention = "in_memory";
        }
        if (retention != null && !PromptCacheHint.RETENTIONS.contains(retention)) {
            throw new InvalidRequestException("prompt_cache_retention", "'prompt_cache_retention' must be one of "
                    + PromptCacheHint.RETENTIONS.stream().sorted().map(word -> '"' + word + '"')
                    .collect(Collectors.joining(" or ")));
        }
        return new PromptCacheHint(key, retention);
    }

    /**
     * top_p from 0 to 1; 1, every protocol's default, is not passed on (clients send it spelt out, and
     * Anthropic's newer models refuse temperature and top_p together).
     */
    private static Double topP(JsonBody json) {
        Double topP = json.optionalDecimal("top_p", 0, 1);
        return topP != null && topP == 1.0 ? null : topP;
    }

    /** OpenAI's stop: one string or an array of up to four, none empty; null for none. */
    private static List<String> stop(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        String rule = "'stop' must be a non-empty string or an array of at most " + GenerationOptions.MAX_STOP_SEQUENCES
                + " of them";
        if (node.isString()) {
            if (node.getStringValue().isEmpty()) {
                throw new InvalidRequestException("stop", rule);
            }
            return List.of(node.getStringValue());
        }
        if (!node.isArray() || node.size() > GenerationOptions.MAX_STOP_SEQUENCES) {
            throw new InvalidRequestException("stop", rule);
        }
        List<String> sequences = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.getStringValue().isEmpty()) {
                throw new InvalidRequestException("stop", rule);
            }
            sequences.add(item.getStringValue());
        }
        return sequences;
    }
}
