package dev.switchboard.provider.gemini;

import dev.switchboard.provider.FinishReason;

/** Gemini's candidate finishReason words in the unified model. */
final class GeminiFinishReasons {

    private GeminiFinishReasons() {
    }

    /**
     * @param calledTools whether the candidate's parts held function calls: Gemini then still says
     *                    STOP, while the unified model says TOOL_CALLS. A cut or filtered answer
     *                    keeps its own reason, so that the caller does not run half-formed calls.
     */
    static FinishReason of(String reason, boolean calledTools) {
        FinishReason mapped = switch (reason) {
            case "STOP" -> FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
        return mapped == FinishReason.STOP && calledTools ? FinishReason.TOOL_CALLS : mapped;
    }
}
