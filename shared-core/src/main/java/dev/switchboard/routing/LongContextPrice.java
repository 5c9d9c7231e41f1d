package dev.switchboard.routing;

/**
 * A candidate's prices per token once a request's input tokens pass {@code aboveInputTokens}: every
 * token of such a request is priced at them, as the price table's long-context tiers say. A price of 0
 * means the candidate's base price of the same kind.
 */
public record LongContextPrice(int aboveInputTokens, double inputCostPerToken, double outputCostPerToken) {

    public LongContextPrice {
        if (aboveInputTokens < 0 || !(inputCostPerToken >= 0) || !(outputCostPerToken >= 0)) {
            throw new IllegalArgumentException("a long-context price needs a threshold and prices of at least 0");
        }
    }
}
