package dev.switchboard.provider;

import java.util.Objects;

/** A model's request to call a tool: the call's id, the tool's name and its arguments as JSON text. */
public record ToolCall(String id, String name, String argumentsJson) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
    }
}
