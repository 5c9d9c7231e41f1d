package dev.switchboard.provider;

import java.util.Locale;
import java.util.Objects;

/**
 * The shape the answer must take (OpenAI's {@code response_format}): free text, any JSON object, or JSON
 * that follows a schema the caller gives. Only deployments with the {@code json} capability are offered
 * a request that asks for JSON; each protocol says it in its own words.
 *
 * @param kind        text, json_object or json_schema
 * @param schemaName  json_schema's name (OpenAI requires one); null otherwise
 * @param schemaJson  json_schema's schema, as JSON text of one object; null when not given (OpenAI makes it
 *                    optional: any JSON then) or for another kind
 * @param strict      json_schema's strict flag, null when not given
 * @param description json_schema's description, null when not given
 */
public record ResponseFormat(Kind kind, String schemaName, String schemaJson, Boolean strict, String description) {

    public enum Kind { TEXT, JSON_OBJECT, JSON_SCHEMA }

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null, null, null, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Kind.JSON_OBJECT, null, null, null, null);

    public ResponseFormat {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.JSON_SCHEMA) != (schemaName != null)) {
            throw new IllegalArgumentException("a schema name goes with json_schema, and only with it");
        }
        if (kind != Kind.JSON_SCHEMA && (schemaJson != null || strict != null || description != null)) {
            throw new IllegalArgumentException("strict and description belong to json_schema");
        }
    }

    public static ResponseFormat jsonSchema(String name, String schemaJson, Boolean strict, String description) {
        return new ResponseFormat(Kind.JSON_SCHEMA, name, schemaJson, strict, description);
    }

    /** Whether the answer must be JSON. */
    public boolean json() {
        return kind != Kind.TEXT;
    }

    /** OpenAI's word for the kind. */
    public String wireName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** One canonical text, for the response cache's key: each piece length-prefixed. */
    public String canonical() {
        if (kind != Kind.JSON_SCHEMA) {
            return wireName();
        }
        return wireName() + "|" + schemaName.length() + ":" + schemaName + "|" + piece(schemaJson) + "|strict=" + strict
                + "|" + piece(description);
    }

    private static String piece(String text) {
        return text == null ? "-" : text.length() + ":" + text;
    }
}
