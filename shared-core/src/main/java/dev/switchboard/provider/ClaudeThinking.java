package dev.switchboard.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reasoning effort as Claude's thinking, with the conditions Anthropic sets on it, the same whether Claude is
 * reached through Anthropic's Messages API or through Bedrock's Converse (each says it in Anthropic's words, in
 * its own place). Claude 4.6 and later think adaptively, at an effort ({@code thinking: {type: adaptive}} and
 * {@code output_config.effort}); Opus 4.7, the Mythos models and Claude 5 refuse anything else, and 4.6 has the
 * fixed budget deprecated. Earlier Claudes think on a budget ({@code thinking: {type: enabled, budget_tokens}}):
 * each effort has one (Anthropic publishes no mapping; these are LiteLLM's, with minimal at Anthropic's least,
 * 1,024 tokens), at most half of max_tokens, since the thoughts count against it and the budget must stay under
 * it. Which a model is, is read from its name (Anthropic's ids and Bedrock's, with or without a region or
 * version). What thinking cannot be asked with is not said here, so that another deployment may take the
 * request: a temperature other than 1, a top_p under 0.95, a forced tool call, an answer begun by the caller (a
 * conversation ending on an assistant turn, which Claude would continue), and a last assistant turn with tool
 * calls while tools are offered: its thinking blocks went back to the caller as OpenAI's answer, which has no
 * place for them, and Anthropic refuses that turn without them.
 */
public final class ClaudeThinking {

    /** Anthropic's least thinking budget. */
    static final int MIN_BUDGET = 1024;
    static final double LEAST_TOP_P = 0.95;

    private ClaudeThinking() {
    }

    /**
     * How Claude is asked to think: adaptively at an {@code effort} (then {@code budget} is 0), or on a fixed
     * {@code budget} of tokens (then {@code effort} is null).
     */
    public record Plan(String effort, int budget) {

        public boolean adaptive() {
            return effort != null;
        }

        /** The {@code thinking} field, in Anthropic's words. */
        public Map<String, Object> thinkingField() {
            return adaptive() ? Map.of("type", "adaptive") : Map.of("type", "enabled", "budget_tokens", budget);
        }
    }

    /**
     * How {@code request} asks Claude to think, or empty for no effort or {@code none}.
     *
     * @param toolsOffered whether the request goes with its tools (Converse sends none for a choice of none,
     *                     and the tool history then goes as text, with no thinking blocks to miss)
     * @throws IllegalArgumentException when the request asks what Claude cannot think with (see above)
     */
    public static Optional<Plan> plan(ChatRequest request, boolean toolsOffered) {
        ReasoningEffort effort = request.options().reasoning();
        if (effort == null || effort == ReasoningEffort.NONE) {
            return Optional.empty();
        }
        // A Claude that takes no sampling parameters is sent none, so what the request says of them is moot.
        boolean sampling = ClaudeVersions.takesSampling(request.model());
        if (sampling && request.temperature() != null && request.temperature() != 1.0) {
            throw new IllegalArgumentException("Claude thinks only at its own temperature (1)");
        }
        Double topP = request.options().topP();
        if (sampling && topP != null && topP < LEAST_TOP_P) {
            throw new IllegalArgumentException("Claude thinks only with a top_p of " + LEAST_TOP_P + " or more");
        }
        ToolChoice.Mode choice = request.toolChoice().mode();
        if (toolsOffered && (choice == ToolChoice.Mode.REQUIRED || choice == ToolChoice.Mode.FUNCTION)) {
            throw new IllegalArgumentException("Claude cannot be made to call a tool while it thinks");
        }
        if (ClaudePrefill.endsOnAnAnswer(request.messages())) {
            throw new IllegalArgumentException("Claude cannot think to continue an answer begun for it");
        }
        if (toolsOffered && lastAnswerCalledTools(request.messages())) {
            throw new IllegalArgumentException("Claude needs its thinking blocks back with tool results, and OpenAI's "
                    + "request cannot carry them");
        }
        if (ClaudeVersions.thinksAdaptively(request.model())) {
            return Optional.of(new Plan(effort(effort, request.model()), 0));
        }
        int budget = Math.min(budget(effort), request.maxTokens() / 2);
        if (budget < MIN_BUDGET) {
            throw new IllegalArgumentException("Claude thinks with at least " + MIN_BUDGET + " tokens, which needs a "
                    + "max_tokens of at least " + 2 * MIN_BUDGET);
        }
        return Optional.of(new Plan(null, budget));
    }

    /**
     * Anthropic's effort for OpenAI's: low, medium, high, and for xhigh the most the model takes (xhigh from 4.7
     * on, max on Opus 4.6, high on the others).
     */
    private static String effort(ReasoningEffort effort, String model) {
        return switch (effort) {
            case NONE, MINIMAL, LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH -> "high";
            case XHIGH -> ClaudeVersions.of(model).map(v -> ClaudeVersions.atLeast(v, 4, 7) ? "xhigh"
                    : model.contains("claude-opus-") ? "max" : "high").orElse("high");
        };
    }

    static int budget(ReasoningEffort effort) {
        return switch (effort) {
            case NONE -> 0;
            case MINIMAL, LOW -> MIN_BUDGET;
            case MEDIUM -> 2048;
            case HIGH -> 4096;
            case XHIGH -> 16384;
        };
    }

    /**
     * Whether the last assistant turn called tools: the results and whatever follows them go to Anthropic as
     * the next user turn, which continues that turn (a user's text merged in with the results included).
     */
    private static boolean lastAnswerCalledTools(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("assistant")) {
                return !messages.get(i).toolCalls().isEmpty();
            }
        }
        return false;
    }
}
