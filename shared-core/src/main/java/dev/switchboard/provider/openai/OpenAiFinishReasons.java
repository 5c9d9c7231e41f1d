package dev.switchboard.provider.openai;

import dev.switchboard.provider.FinishReason;

/** OpenAI's finish_reason words in the unified model. */
final class OpenAiFinishReasons {

    private OpenAiFinishReasons() {
    }

    static FinishReason of(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
