package dev.switchboard.api;

import dev.switchboard.provider.ResponseFormat;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenAI's {@code response_format}: {@code {"type": "text"}} (the default), {@code {"type": "json_object"}},
 * or {@code {"type": "json_schema", "json_schema": {"name", "schema", "strict"?, "description"?}}}. Anything
 * else is a 400 naming the field, since a format taken wrongly would change the answer.
 */
final class ResponseFormatParser {

    static final String FIELD = "response_format";
    /** OpenAI's rule for a schema's name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> SCHEMA_FIELDS = Set.of("name", "schema", "strict", "description");

    private ResponseFormatParser() {
    }

    static ResponseFormat parse(JsonMapper mapper, JsonNode node) {
        if (node == null || node.isNull()) {
            return ResponseFormat.TEXT;
        }
        JsonNode type = node.isObject() ? node.get("type") : null;
        if (type == null || !type.isString()) {
            throw invalid(FIELD, "'response_format' must be an object with a type: text, json_object or json_schema");
        }
        String kind = type.getStringValue();
        switch (kind) {
            case "text", "json_object" -> {
                only(node, Set.of("type"), FIELD);
                return kind.equals("text") ? ResponseFormat.TEXT : ResponseFormat.JSON_OBJECT;
            }
            case "json_schema" -> {
                only(node, Set.of("type", "json_schema"), FIELD);
                return jsonSchema(mapper, node.get("json_schema"));
            }
            default -> throw invalid(FIELD + ".type", "'response_format.type' must be text, json_object or json_schema");
        }
    }

    private static ResponseFormat jsonSchema(JsonMapper mapper, JsonNode node) {
        String field = FIELD + ".json_schema";
        if (node == null || !node.isObject()) {
            throw invalid(field, "'" + field + "' must be an object with a name (and a schema)");
        }
        only(node, SCHEMA_FIELDS, field);
        JsonNode name = node.get("name");
        if (name == null || !name.isString() || !NAME.matcher(name.getStringValue()).matches()) {
            throw invalid(field + ".name", "'" + field + ".name' must be 1 to 64 letters, digits, _ or -");
        }
        JsonNode schema = node.get("schema");
        if (schema != null && !schema.isNull() && !schema.isObject()) {
            throw invalid(field + ".schema", "'" + field + ".schema' must be a JSON Schema object");
        }
        JsonNode strict = node.get("strict");
        if (strict != null && !strict.isNull() && !strict.isBoolean()) {
            throw invalid(field + ".strict", "'" + field + ".strict' must be true or false");
        }
        JsonNode description = node.get("description");
        if (description != null && !description.isNull() && !description.isString()) {
            throw invalid(field + ".description", "'" + field + ".description' must be a string");
        }
        return ResponseFormat.jsonSchema(name.getStringValue(),
                schema == null || schema.isNull() ? null : text(mapper, schema),
                strict == null || strict.isNull() ? null : strict.getBooleanValue(),
                description == null || description.isNull() ? null : description.getStringValue());
    }

    private static void only(JsonNode node, Set<String> allowed, String field) {
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!allowed.contains(entry.getKey())) {
                String path = field + "." + entry.getKey();
                throw invalid(path, "Unknown field '" + path + "'");
            }
        }
    }

    private static String text(JsonMapper mapper, JsonNode schema) {
        try {
            return mapper.writeValueAsString(schema);
        } catch (IOException e) {
            throw invalid(FIELD + ".json_schema.schema", "'response_format.json_schema.schema' cannot be written back "
                    + "as JSON");
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field, message);
    }
}
