package dev.switchboard.provider;

import java.util.Locale;

/**
 * Why a model stopped, in the unified model. Each adapter maps its protocol's own words (OpenAI's
 * finish_reason, Anthropic's stop_reason, Gemini's finishReason, Bedrock's stopReason) onto these.
 */
public enum FinishReason {
    /** It finished its answer, or reached a stop sequence. */
    STOP,
    /** It ran out of max_tokens: the answer is cut short. */
    LENGTH,
    /** It asks for tools to be called. */
    TOOL_CALLS,
    /** A safety filter stopped it. */
    CONTENT_FILTER,
    /** Anything else the provider reported. */
    OTHER;

    /** OpenAI's name for it, which the gateway's own API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
