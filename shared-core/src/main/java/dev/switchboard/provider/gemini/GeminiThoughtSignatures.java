package dev.switchboard.provider.gemini;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini's thought signatures on function calls. Thinking models sign the first function call of each step; from
 * Gemini 3 on, a conversation sent back without that signature on a call is refused (400 INVALID_ARGUMENT, "missing
 * a thought_signature"). A call made by another provider, or returned by a client that kept only OpenAI's fields,
 * has none: for those Google documents a stand-in value that skips the check, at some cost to the model's reasoning
 * about the earlier step. Gemini 2.5 signs calls too but checks nothing, and gets only the signatures it gave.
 */
final class GeminiThoughtSignatures {

    /** Google's documented stand-in for a signature the conversation does not have. */
    static final String SKIP_VALIDATOR = "skip_thought_signature_validator";

    /** gemini-MAJOR…, alone or after a path ("models/gemini-3-pro-preview", Vertex's publisher paths). */
    private static final Pattern GENERATION = Pattern.compile("(?:^|/)gemini-(\\d+)");
    /** The first generation that refuses an unsigned call. */
    private static final int FIRST_CHECKING = 3;

    private GeminiThoughtSignatures() {
    }

    /**
     * Whether {@code model} refuses a function call sent back without a signature. An alias without a generation
     * in its name ("gemini-flash-latest") is not known to: its refusal is then classified as one another
     * deployment may not share (see {@link GeminiErrorBody#signatureRefused()}).
     */
    static boolean required(String model) {
        Matcher m = GENERATION.matcher(model);
        return m.find() && m.group(1).length() <= 3 && Integer.parseInt(m.group(1)) >= FIRST_CHECKING;
    }
}
