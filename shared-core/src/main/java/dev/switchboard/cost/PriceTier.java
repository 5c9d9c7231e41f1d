package dev.switchboard.cost;

/**
 * A long-context price level in LiteLLM's format: the {@code *_above_<n>k_tokens} fields of one
 * threshold (input_cost_per_token_above_200k_tokens and its output, cache-read and cache-write
 * siblings). Once a request's input tokens pass {@code aboveInputTokens}, every token of that request
 * is priced at this level, not only the tokens beyond the threshold. A price of 0 is "not given": the
 * model's base price of the same kind stands in, as LiteLLM does.
 */
public record PriceTier(int aboveInputTokens, double inputCostPerToken, double outputCostPerToken,
                        double cacheReadInputTokenCost, double cacheCreationInputTokenCost) {

    public PriceTier {
        if (aboveInputTokens < 0) {
            throw new IllegalArgumentException("a tier's threshold must not be negative");
        }
    }
}
