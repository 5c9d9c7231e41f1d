package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.FinishReason;

/** Converse's stopReason words in the unified model. */
final class BedrockStopReasons {

    private BedrockStopReasons() {
    }

    static FinishReason of(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            // The answer was cut either by the budget or by the model's context filling up.
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
