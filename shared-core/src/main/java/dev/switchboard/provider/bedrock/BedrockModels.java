package dev.switchboard.provider.bedrock;

import java.util.regex.Pattern;

/**
 * What a Bedrock model id says about the model. An Anthropic model's id holds "anthropic." whether it is the
 * model's own ("anthropic.claude-…") or a cross-region inference profile's ("us.anthropic.claude-…"); an
 * application inference profile's ARN names no model, and is taken for none of them.
 */
public final class BedrockModels {

    /**
     * The models AWS lists with a prompt cache: Claude 3.5 Haiku, 3.7 Sonnet and Claude 4 and later (Sonnet,
     * Opus, Haiku, with their point versions), and Amazon Nova (Micro, Lite, Pro, Premier, and Nova 2).
     * Claude 3 and 3.5 Sonnet have none, and refuse cache points; an application profile's ARN names no model.
     */
    private static final Pattern CACHES_PROMPTS = Pattern.compile(
            "anthropic\\.claude-(3-5-haiku|3-7-sonnet|(sonnet|opus|haiku)-([4-9]|[1-9][0-9]))|amazon\\.nova-");

    private BedrockModels() {
    }

    /** Whether {@code modelId} names one of Anthropic's Claude models. */
    public static boolean isClaude(String modelId) {
        return modelId.contains("anthropic.");
    }

    /** Whether the model has a prompt cache, so that cache points may go in its requests. */
    static boolean cachesPrompts(String modelId) {
        return CACHES_PROMPTS.matcher(modelId).find();
    }

    /** Whether the model takes a cache point among its tools: Claude's do; Nova's only in system and messages. */
    static boolean cachesTools(String modelId) {
        return isClaude(modelId) && cachesPrompts(modelId);
    }
}
