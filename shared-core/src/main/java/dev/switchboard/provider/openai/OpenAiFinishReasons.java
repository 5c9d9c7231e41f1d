package dev.switchboard.provider.openai;

import dev.switchboard.provider.FinishReason;

/** OpenAI's finish_reason words in the unified model. */
final class OpenAiFinishReasons {

    private OpenAiFinishReasons() {
    }

    /**
     * As {@link #of(String)}, for an answer that did or did not call tools: "stop" with calls is what OpenAI
     * answers a call forced by name, and what some compatible servers (Google's, vLLM under a required choice)
     * answer any call with; an agent waiting for "tool_calls" would end its loop there. Gemini's STOP with calls
     * reads the same way (see GeminiFinishReasons), so a caller sees one reason for a call whoever made it.
     */
    static FinishReason of(String reason, boolean calledTools) {
        FinishReason finish = of(reason);
        return finish == FinishReason.STOP && calledTools ? FinishReason.TOOL_CALLS : finish;
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
