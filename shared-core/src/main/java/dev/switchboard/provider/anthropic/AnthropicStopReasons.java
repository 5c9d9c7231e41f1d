package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.FinishReason;

/** Anthropic's stop_reason words in the unified model. */
final class AnthropicStopReasons {

    private AnthropicStopReasons() {
    }

    /** @param reason the stop_reason, or null when the answer carried none */
    static FinishReason of(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            // The answer was cut either by the budget or by the model's context filling up (as on Bedrock).
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            // pause_turn and whatever Anthropic adds later
            default -> FinishReason.OTHER;
        };
    }
}
