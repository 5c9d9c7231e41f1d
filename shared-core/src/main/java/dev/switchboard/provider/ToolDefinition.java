package dev.switchboard.provider;

import java.util.Objects;

/**
 * A function the model may ask to call: its name, what it does, and its parameters as a JSON Schema
 * document, kept as JSON text so that each adapter passes it through unchanged.
 */
public record ToolDefinition(String name, String description, String parametersJson) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parametersJson, "parametersJson");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name");
        }
    }
}
