package dev.switchboard.provider;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an upstream's body or stream event as a JSON object. Anything else (malformed JSON, another
 * kind of value) is empty, so that callers report it in their own words without quoting the text,
 * which could echo a prompt.
 */
public final class JsonObjects {

    private JsonObjects() {
    }

    public static Optional<JsonNode> read(JsonMapper json, byte[] body) {
        try {
            JsonNode node = json.readValue(body, JsonNode.class);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<JsonNode> read(JsonMapper json, String text) {
        return read(json, text.getBytes(StandardCharsets.UTF_8));
    }
}
