package dev.switchboard.provider.gemini;

import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A request's generation options as Gemini's generationConfig: the answer's budget, sampling, stop sequences,
 * seed, thinking budget, penalties and JSON output.
 */
final class GeminiGenerationConfig {

    private GeminiGenerationConfig() {
    }

    /**
     * @param readSingle the JSON value a text holds, or null when it is not exactly one
     * @throws IllegalArgumentException when Gemini cannot be asked for this (tools beside JSON output, an effort
     *                                  it has no budget for, a schema that is not a JSON object)
     */
    static Map<String, Object> of(ChatRequest request, Function<String, JsonNode> readSingle) {
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("maxOutputTokens", request.maxTokens());
        if (request.temperature() != null) {
            generation.put("temperature", request.temperature());
        }
        if (request.options().topP() != null) {
            generation.put("topP", request.options().topP());
        }
        if (!request.options().stop().isEmpty()) {
            generation.put("stopSequences", request.options().stop());
        }
        if (request.options().seed() != null) {
            // Gemini's seed is 32 bits: the low 32 of the caller's, so one seed still gives one seed here.
            generation.put("seed", request.options().seed().intValue());
        }
        if (request.options().reasoning() != null) {
            generation.put("thinkingConfig", Map.of("thinkingBudget",
                    thinkingBudget(request.options().reasoning(), request.maxTokens())));
        }
        Penalties penalties = request.options().penalties();
        if (penalties.presence() != 0) {
            generation.put("presencePenalty", penalties.presence());
        }
        if (penalties.frequency() != 0) {
            generation.put("frequencyPenalty", penalties.frequency());
        }
        ResponseFormat format = request.options().format();
        if (format.json() && !request.tools().isEmpty()) {
            // Gemini refuses function calling with a JSON mime type (a 400 that would end the chain here).
            throw new IllegalArgumentException("Gemini takes no tools together with a JSON response format");
        }
        if (format.json()) {
            generation.put("responseMimeType", "application/json");
        }
        if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA && format.schemaJson() != null) {
            // Full JSON Schema, as for a tool's parametersJsonSchema; responseSchema takes only an OpenAPI subset.
            JsonNode schema = readSingle.apply(format.schemaJson());
            if (schema == null || !schema.isObject()) {
                throw new IllegalArgumentException("the response format's schema is not a JSON object");
            }
            generation.put("responseJsonSchema", schema);
        }
        return generation;
    }

    /**
     * The thinking budget Google's own OpenAI-compatible endpoint gives each of OpenAI's efforts (none turns
     * thinking off, on the models that allow it), at most half of {@code maxTokens}: Gemini's thoughts count
     * against maxOutputTokens, and a budget as large as it would leave the answer no room. xhigh, which
     * Google gives no budget, is not said here.
     */
    static int thinkingBudget(ReasoningEffort effort, int maxTokens) {
        int budget = switch (effort) {
            case NONE -> 0;
            case MINIMAL, LOW -> 1024;
            case MEDIUM -> 8192;
            case HIGH -> 24576;
            case XHIGH -> throw new IllegalArgumentException("Gemini has no thinking budget for the reasoning effort "
                    + effort.wireName());
        };
        return Math.min(budget, maxTokens / 2);
    }
}
