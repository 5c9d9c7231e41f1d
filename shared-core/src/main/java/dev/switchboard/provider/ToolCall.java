package dev.switchboard.provider;

import io.micronaut.json.JsonMapper;

import java.util.Objects;

/**
 * A model's request to call a tool: the call's id, the tool's name and its arguments as JSON text.
 *
 * @param signature an opaque token the provider gave with the call and wants back with it in the conversation's
 *                  next request (Gemini's thoughtSignature), or null; other protocols neither give nor take one
 */
public record ToolCall(String id, String name, String argumentsJson, String signature) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
    }

    /** A call without a signature. */
    public ToolCall(String id, String name, String argumentsJson) {
        this(id, name, argumentsJson, null);
    }

    /** Whether the arguments are a JSON object; blank ones are the empty object (a tool without parameters). */
    public boolean argumentsAreAnObject(JsonMapper json) {
        return argumentsJson == null || argumentsJson.isBlank() || JsonObjects.read(json, argumentsJson).isPresent();
    }
}
