package dev.switchboard.provider.bedrock;

import software.amazon.awssdk.core.document.Document;

/**
 * Claude's extended thinking on Converse, which has no field of its own for it: it goes in the model's own
 * request fields ({@code additionalModelRequestFields}) in Anthropic's words, as in its Messages API. The
 * budget and the conditions on it are {@link dev.switchboard.provider.ClaudeThinking}'s.
 */
final class ConverseThinking {

    private ConverseThinking() {
    }

    /** {@code {"thinking": {"type": "enabled", "budget_tokens": budget}}}. */
    static Document fields(int budget) {
        return Document.mapBuilder().putDocument("thinking", Document.mapBuilder()
                .putString("type", "enabled").putNumber("budget_tokens", budget).build()).build();
    }
}
