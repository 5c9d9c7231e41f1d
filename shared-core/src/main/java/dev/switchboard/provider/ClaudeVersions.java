package dev.switchboard.provider;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Claude model takes, read from its name as Anthropic and Bedrock write it (claude-opus-4-7,
 * us.anthropic.claude-opus-4-6-v1, claude-fable-5; the older claude-3-7-sonnet-20250219 carries no such version
 * and is taken for an earlier one). Claude 4.6 and later think adaptively; from 4.7 on, and on the Mythos models,
 * which came with it, the sampling parameters (temperature, top_p) are refused: the model sets its own.
 */
public final class ClaudeVersions {

    /** A family and a version: claude-opus-4-7, claude-sonnet-4-6-v1, claude-opus-4-20250514 (4.0), claude-fable-5. */
    private static final Pattern VERSIONED = Pattern.compile("claude-([a-z]+)-(\\d{1,2})(?:-(\\d{1,2}))?(?![0-9])");

    private ClaudeVersions() {
    }

    /** Whether {@code model} thinks adaptively: Claude 4.6 and later, and the Mythos models. */
    public static boolean thinksAdaptively(String model) {
        return of(model).map(v -> atLeast(v, 4, 6)).orElse(false) || model.contains("claude-mythos");
    }

    /**
     * Whether {@code model} continues an answer begun for it (a conversation ending on an assistant turn): every
     * Claude before 4.6; those after, which came with adaptive thinking, refuse one.
     */
    public static boolean continuesAnswers(String model) {
        return !thinksAdaptively(model);
    }

    /** Whether {@code model} takes a temperature and a top_p: every Claude before 4.7, but the Mythos models. */
    public static boolean takesSampling(String model) {
        return !of(model).map(v -> atLeast(v, 4, 7)).orElse(false) && !model.contains("claude-mythos");
    }

    /** The major and minor version in {@code model}'s name (minor 0 when none is given). */
    static Optional<int[]> of(String model) {
        Matcher m = VERSIONED.matcher(model);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))});
    }

    static boolean atLeast(int[] version, int major, int minor) {
        return version[0] > major || version[0] == major && version[1] >= minor;
    }
}
