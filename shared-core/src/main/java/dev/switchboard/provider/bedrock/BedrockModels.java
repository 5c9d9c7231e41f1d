package dev.switchboard.provider.bedrock;

/**
 * What a Bedrock model id says about the model. An Anthropic model's id holds "anthropic." whether it is the
 * model's own ("anthropic.claude-…") or a cross-region inference profile's ("us.anthropic.claude-…"); an
 * application inference profile's ARN names no model, and is not taken for Claude.
 */
public final class BedrockModels {

    private BedrockModels() {
    }

    /** Whether {@code modelId} names one of Anthropic's Claude models. */
    public static boolean isClaude(String modelId) {
        return modelId.contains("anthropic.");
    }
}
