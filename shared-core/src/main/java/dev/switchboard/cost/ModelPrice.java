package dev.switchboard.cost;

/**
 * One model's entry in LiteLLM's model_prices_and_context_window.json format (USD per token).
 * Cache and reasoning prices are 0 when the file gives none, and 0 is read as "not given" (the cost
 * falls back to the plain input or output price); {@code maxInputTokens} is 0 when unknown.
 */
public record ModelPrice(double inputCostPerToken, double outputCostPerToken,
                         double cacheReadInputTokenCost, double cacheCreationInputTokenCost,
                         double outputCostPerReasoningToken, int maxInputTokens,
                         String litellmProvider, String mode) {
}
