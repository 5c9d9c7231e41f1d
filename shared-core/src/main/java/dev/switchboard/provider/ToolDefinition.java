package dev.switchboard.provider;

import java.util.Objects;

/**
 * A function the model may ask to call: its name, what it does, and its parameters as a JSON Schema
 * document, kept as JSON text so that each adapter passes it through unchanged.
 *
 * @param strict the caller's {@code strict: true}: the call's arguments must match the schema exactly, which
 *               each protocol is asked for in its own words; a deployment that refuses it is passed over
 */
public record ToolDefinition(String name, String description, String parametersJson, boolean strict) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parametersJson, "parametersJson");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name");
        }
    }

    /** A tool whose arguments the model should, but need not, fit to the schema: OpenAI's default. */
    public ToolDefinition(String name, String description, String parametersJson) {
        this(name, description, parametersJson, false);
    }
}
