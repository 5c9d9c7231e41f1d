package dev.switchboard.provider.anthropic;

import io.micronaut.json.tree.JsonNode;

/** Small readers for Anthropic's JSON, where a missing field and a field of the wrong kind mean the same. */
final class AnthropicJson {

    private AnthropicJson() {
    }

    /** The text of {@code node.field}, or null when node is not an object or the field is not text. */
    static String string(JsonNode node, String field) {
        JsonNode value = object(node, field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    /** {@code node.field}, or null when node is not an object or has no such field. */
    static JsonNode object(JsonNode node, String field) {
        return node == null || !node.isObject() ? null : node.get(field);
    }
}
