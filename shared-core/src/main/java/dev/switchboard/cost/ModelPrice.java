package dev.switchboard.cost;

import java.util.Comparator;
import java.util.List;

/**
 * One model's entry in LiteLLM's model_prices_and_context_window.json format (USD per token).
 * Cache, reasoning and audio-input prices are 0 when the file gives none, and 0 is read as "not given" (the cost
 * falls back to the plain input or output price); the audio price has no long-context tiers; {@code maxInputTokens} and {@code maxOutputTokens}
 * are 0 when unknown. {@code tiers} are the long-context price levels, empty for a model billed the
 * same at any length.
 */
public record ModelPrice(double inputCostPerToken, double outputCostPerToken,
                         double cacheReadInputTokenCost, double cacheCreationInputTokenCost,
                         double outputCostPerReasoningToken, int maxInputTokens,
                         String litellmProvider, String mode, List<PriceTier> tiers, int maxOutputTokens,
                         double inputCostPerAudioToken) {

    public ModelPrice {
        // Highest threshold first, so the first tier a request passes is the one that prices it.
        tiers = tiers == null ? List.of()
                : tiers.stream().sorted(Comparator.comparingInt(PriceTier::aboveInputTokens).reversed()).toList();
    }

    /** A model without a price of its own for audio input. */
    public ModelPrice(double inputCostPerToken, double outputCostPerToken, double cacheReadInputTokenCost,
                      double cacheCreationInputTokenCost, double outputCostPerReasoningToken, int maxInputTokens,
                      String litellmProvider, String mode, List<PriceTier> tiers, int maxOutputTokens) {
        this(inputCostPerToken, outputCostPerToken, cacheReadInputTokenCost, cacheCreationInputTokenCost,
                outputCostPerReasoningToken, maxInputTokens, litellmProvider, mode, tiers, maxOutputTokens, 0);
    }

    /** A model whose longest answer is not known. */
    public ModelPrice(double inputCostPerToken, double outputCostPerToken, double cacheReadInputTokenCost,
                      double cacheCreationInputTokenCost, double outputCostPerReasoningToken, int maxInputTokens,
                      String litellmProvider, String mode, List<PriceTier> tiers) {
        this(inputCostPerToken, outputCostPerToken, cacheReadInputTokenCost, cacheCreationInputTokenCost,
                outputCostPerReasoningToken, maxInputTokens, litellmProvider, mode, tiers, 0);
    }

    /** A model with one price level whatever the request's length. */
    public ModelPrice(double inputCostPerToken, double outputCostPerToken, double cacheReadInputTokenCost,
                      double cacheCreationInputTokenCost, double outputCostPerReasoningToken, int maxInputTokens,
                      String litellmProvider, String mode) {
        this(inputCostPerToken, outputCostPerToken, cacheReadInputTokenCost, cacheCreationInputTokenCost,
                outputCostPerReasoningToken, maxInputTokens, litellmProvider, mode, List.of());
    }

    /**
     * The flat prices a request with {@code inputTokens} input tokens (cached ones included) pays: those
     * of the highest tier whose threshold it is above (strictly, as LiteLLM compares), else the base
     * prices. A price the tier does not give is the base one; the reasoning price has no tiers.
     */
    public ModelPrice forInputTokens(int inputTokens) {
        for (PriceTier tier : tiers) {
            if (inputTokens > tier.aboveInputTokens()) {
                return new ModelPrice(orBase(tier.inputCostPerToken(), inputCostPerToken),
                        orBase(tier.outputCostPerToken(), outputCostPerToken),
                        orBase(tier.cacheReadInputTokenCost(), cacheReadInputTokenCost),
                        orBase(tier.cacheCreationInputTokenCost(), cacheCreationInputTokenCost),
                        outputCostPerReasoningToken, maxInputTokens, litellmProvider, mode, List.of(), maxOutputTokens,
                        inputCostPerAudioToken);
            }
        }
        return this;
    }

    /**
     * The most one input token of text can cost at these flat prices: with {@code cacheWrites} (a provider that
     * marks prompts for its cache: Anthropic, Bedrock), a write to the cache costs more than a plain read.
     */
    public double mostPerInputToken(boolean cacheWrites) {
        return cacheWrites ? Math.max(inputCostPerToken, cacheCreationInputTokenCost) : inputCostPerToken;
    }

    /** The most one output token can cost at these flat prices: reasoning may be priced above text. */
    public double mostPerOutputToken() {
        return Math.max(outputCostPerToken, outputCostPerReasoningToken);
    }

    private static double orBase(double tierPrice, double basePrice) {
        return tierPrice > 0 ? tierPrice : basePrice;
    }
}
