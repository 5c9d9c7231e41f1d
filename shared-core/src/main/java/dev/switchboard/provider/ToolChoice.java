package dev.switchboard.provider;

import java.util.Objects;

/**
 * Whether the model may, must or must not call the request's tools (OpenAI's {@code tool_choice}):
 * AUTO leaves it to the model, NONE forbids a call, REQUIRED asks for at least one, FUNCTION for a call
 * of the one tool named. Each adapter says it in its protocol's words.
 */
public record ToolChoice(Mode mode, String function) {

    public enum Mode {
        AUTO, NONE, REQUIRED, FUNCTION
    }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.FUNCTION) != (function != null && !function.isBlank())) {
            throw new IllegalArgumentException("a function is named exactly when the model must call it");
        }
    }

    /** A call of the tool named {@code name}. */
    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, name);
    }

    /** One canonical text per choice, for the response cache's key. */
    public String canonical() {
        return mode == Mode.FUNCTION ? "function:" + function.length() + ":" + function
                : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
