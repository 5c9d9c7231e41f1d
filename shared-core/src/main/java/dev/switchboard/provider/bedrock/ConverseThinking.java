package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.ClaudeThinking;
import software.amazon.awssdk.core.document.Document;

/**
 * Claude's thinking on Converse, which has no field of its own for it: it goes in the model's own request fields
 * ({@code additionalModelRequestFields}) in Anthropic's words, as in its Messages API, an adaptive one's effort
 * in {@code output_config}. How Claude thinks and the conditions on it are
 * {@link dev.switchboard.provider.ClaudeThinking}'s.
 */
final class ConverseThinking {

    private ConverseThinking() {
    }

    /**
     * {@code {"thinking": {"type": "enabled", "budget_tokens": budget}}}, or
     * {@code {"thinking": {"type": "adaptive"}, "output_config": {"effort": effort}}}.
     */
    static Document fields(ClaudeThinking.Plan plan) {
        if (plan.adaptive()) {
            return Document.mapBuilder()
                    .putDocument("thinking", Document.mapBuilder().putString("type", "adaptive").build())
                    .putDocument("output_config", Document.mapBuilder().putString("effort", plan.effort()).build())
                    .build();
        }
        return Document.mapBuilder().putDocument("thinking", Document.mapBuilder()
                .putString("type", "enabled").putNumber("budget_tokens", plan.budget()).build()).build();
    }
}
