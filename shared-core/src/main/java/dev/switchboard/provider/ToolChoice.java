package dev.switchboard.provider;

import java.util.Objects;

/**
 * Whether the model may, must or must not call the request's tools (OpenAI's {@code tool_choice}):
 * AUTO leaves it to the model, NONE forbids a call, REQUIRED asks for at least one, FUNCTION for a call
 * of the one tool named; and whether it may make several calls in one answer (OpenAI's
 * {@code parallel_tool_calls}, true by default). Each adapter says it in its protocol's words.
 */
public record ToolChoice(Mode mode, String function, boolean parallel) {

    public enum Mode {
        AUTO, NONE, REQUIRED, FUNCTION
    }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    /** A choice that allows several calls in one answer, OpenAI's default. */
    public ToolChoice(Mode mode, String function) {
        this(mode, function, true);
    }

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

    /** The same choice, with at most one call in an answer. */
    public ToolChoice oneCallAtATime() {
        return new ToolChoice(mode, function, false);
    }

    /**
     * Whether this choice holds the model to one call while it may call at all: what a protocol without
     * a word for it cannot say (with NONE there is no call to hold to one).
     */
    public boolean limitsCalls() {
        return !parallel && mode != Mode.NONE;
    }

    /** One canonical text per choice, for the response cache's key; parallel calls, the default, add nothing. */
    public String canonical() {
        String choice = mode == Mode.FUNCTION ? "function:" + function.length() + ":" + function
                : mode.name().toLowerCase(java.util.Locale.ROOT);
        return parallel ? choice : choice + ",one_call";
    }
}
