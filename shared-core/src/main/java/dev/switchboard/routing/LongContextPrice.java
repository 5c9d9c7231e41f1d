package dev.switchboard.routing;

/**
 * What a candidate's token can cost at most once a request's input tokens pass {@code aboveInputTokens}: every
 * token of such a request is priced at that level, as the price table's long-context tiers say. A price of 0
 * means the base level's of the same kind (see {@link CostCeiling}).
 */
public record LongContextPrice(int aboveInputTokens, double inputCostPerToken, double outputCostPerToken) {

    public LongContextPrice {
        if (aboveInputTokens < 0 || !(inputCostPerToken >= 0) || !(outputCostPerToken >= 0)) {
            throw new IllegalArgumentException("a long-context price needs a threshold and prices of at least 0");
        }
    }
}
