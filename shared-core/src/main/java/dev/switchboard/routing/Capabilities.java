package dev.switchboard.routing;

/**
 * What a deployment can do: its context window in tokens, the longest answer it can give
 * ({@code maxOutputTokens}, 0 when unknown) and whether it takes tools, images and streaming, can be
 * held to JSON ({@code json}: OpenAI's response_format, in its protocol's words), reads PDF files
 * ({@code pdf}), reasons with an effort the caller sets ({@code reasoning}: OpenAI's reasoning_effort), and
 * hears audio clips ({@code audio}: OpenAI's input_audio parts).
 * Request constraints are checked against these.
 */
public record Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming, int maxOutputTokens,
                           boolean json, boolean pdf, boolean reasoning, boolean audio) {

    /** What a deployment is assumed to offer when its configuration says nothing. */
    public static final Capabilities DEFAULTS = new Capabilities(8192, false, false, true);

    public Capabilities {
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be at least 1 token: " + contextLength);
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("maxOutputTokens must be 0 (unknown) or more: " + maxOutputTokens);
        }
    }

    /** Capabilities whose longest answer is not known, with nothing beyond tools, images and streaming. */
    public Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming) {
        this(contextLength, tools, vision, streaming, 0, false, false, false, false);
    }

    /** Capabilities with nothing beyond tools, images and streaming. */
    public Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming, int maxOutputTokens) {
        this(contextLength, tools, vision, streaming, maxOutputTokens, false, false, false, false);
    }

    /** Capabilities without PDF files, a reasoning effort or audio. */
    public Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming, int maxOutputTokens,
                        boolean json) {
        this(contextLength, tools, vision, streaming, maxOutputTokens, json, false, false, false);
    }

    /** Capabilities without audio. */
    public Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming, int maxOutputTokens,
                        boolean json, boolean pdf, boolean reasoning) {
        this(contextLength, tools, vision, streaming, maxOutputTokens, json, pdf, reasoning, false);
    }

    /** Capabilities without a reasoning effort or audio. */
    public Capabilities(int contextLength, boolean tools, boolean vision, boolean streaming, int maxOutputTokens,
                        boolean json, boolean pdf) {
        this(contextLength, tools, vision, streaming, maxOutputTokens, json, pdf, false, false);
    }

    /** The same, with {@code tokens} as the longest answer when this one does not know it. */
    public Capabilities orMaxOutputTokens(int tokens) {
        return maxOutputTokens > 0 || tokens <= 0 ? this
                : new Capabilities(contextLength, tools, vision, streaming, tokens, json, pdf, reasoning, audio);
    }

    /** The least answer a fitted budget leaves room for (or the whole budget, when that is less). */
    public static final int LEAST_FITTED_ANSWER = 256;

    /**
     * A budget fitted to this deployment, for a caller who set none: {@code preferred}, cut to the model's
     * longest answer and to the room its context window leaves after {@code promptTokens} and a margin
     * for the count being an estimate (code and digits take more tokens than it gives them); at least 1.
     */
    public int fittedBudget(int preferred, int promptTokens) {
        long room = (long) contextLength - promptTokens - estimateMargin(promptTokens);
        long budget = Math.min(preferred, room);
        if (maxOutputTokens > 0) {
            budget = Math.min(budget, maxOutputTokens);
        }
        return (int) Math.max(1, budget);
    }

    /** The window a fitted budget needs: the prompt, the margin and the least answer worth sending. */
    public static long windowForFittedBudget(int preferred, int promptTokens) {
        return (long) promptTokens + estimateMargin(promptTokens) + Math.min(preferred, LEAST_FITTED_ANSWER);
    }

    /** An eighth of the estimated prompt, and at least 64 tokens: what the estimate may fall short by. */
    private static long estimateMargin(int promptTokens) {
        return Math.max(64, promptTokens / 8);
    }
}
