package dev.switchboard.cost;

import dev.switchboard.provider.Usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Prices calls from the price table, and what the same call would have cost on the baseline model. */
public final class CostCalculator {

    /** Costs are kept to a millionth of a cent: fine enough for one short call, stable to sum. */
    private static final int SCALE = 10;
    private static final double TEN_TO_SCALE = 1e10;
    /** Ten cents: the scaled cost stays under 10^9, where a double's steps are about 10^-7. */
    private static final double SHORTCUT_LIMIT = 0.1;
    /** A hundred times those steps. */
    private static final double TIE_MARGIN = 1e-5;

    private final PriceTable prices;
    private final String baselineModel;

    public CostCalculator(PriceTable prices, String baselineModel) {
        this.prices = Objects.requireNonNull(prices);
        this.baselineModel = Objects.requireNonNull(baselineModel);
    }

    /** Plain input and output tokens, with no cached input and no separately priced reasoning. */
    public Cost cost(String model, int inputTokens, int outputTokens) {
        return cost(model, new Usage(inputTokens, outputTokens));
    }

    /**
     * The full usage. As {@link Usage} defines it, cached input and cache writes are part of inputTokens
     * and reasoning is part of outputTokens (OpenAI's completion_tokens includes reasoning_tokens), so
     * each part is taken out of its total and priced on its own, never counted twice. Cached input is
     * priced at cache_read_input_token_cost, cache writes at cache_creation_input_token_cost and
     * reasoning at output_cost_per_reasoning_token and audio input at input_cost_per_audio_token where the table
     * gives them; where it does not (a price
     * of 0 means "not given", see {@link ModelPrice}) they are priced as ordinary input and output (too
     * high for a cache read, too low for a cache write, which providers bill above plain input). A model
     * with long-context tiers is priced, every token of the call, at the tier its whole input (cached
     * part and cache writes included) is above, as LiteLLM prices it. An unpriced model stays unpriced.
     */
    public Cost cost(String model, Usage usage) {
        Objects.requireNonNull(usage, "usage");
        return prices.price(model).map(p -> new Cost(round(usd(p, usage)), true)).orElseGet(Cost::unpriced);
    }

    /** What the default strong model would have charged for the same tokens: the savings baseline. */
    public Cost baselineCost(int inputTokens, int outputTokens) {
        return cost(baselineModel, inputTokens, outputTokens);
    }

    /** The same usage, cache hits and reasoning included, priced on the baseline model. */
    public Cost baselineCost(Usage usage) {
        return cost(baselineModel, usage);
    }

    public String baselineModel() {
        return baselineModel;
    }

    public PriceTable prices() {
        return prices;
    }

    private static double usd(ModelPrice model, Usage usage) {
        ModelPrice price = model.forInputTokens(usage.inputTokens());
        int freshInput = usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteInputTokens()
                - usage.audioInputTokens();
        int visibleOutput = usage.outputTokens() - usage.reasoningTokens();
        double cachedRate = given(price.cacheReadInputTokenCost(), price.inputCostPerToken());
        double writeRate = given(price.cacheCreationInputTokenCost(), price.inputCostPerToken());
        double audioRate = given(price.inputCostPerAudioToken(), price.inputCostPerToken());
        double reasoningRate = given(price.outputCostPerReasoningToken(), price.outputCostPerToken());
        // Summed in this order so that plain input and output give the same double as before the split
        // (a part that is 0 adds exactly 0).
        return freshInput * price.inputCostPerToken() + usage.cachedInputTokens() * cachedRate
                + usage.cacheWriteInputTokens() * writeRate
                + visibleOutput * price.outputCostPerToken() + usage.reasoningTokens() * reasoningRate
                + usage.audioInputTokens() * audioRate;
    }

    private static double given(double price, double fallback) {
        return price > 0 ? price : fallback;
    }

    /**
     * The cost as its decimal form rounds half-up at the tenth decimal. Most costs take a shortcut
     * with the same result: below {@link #SHORTCUT_LIMIT} the cost in 10^-10 dollars is a double within
     * a few millionths of its decimal form's, so only where that value lies within
     * {@link #TIE_MARGIN} of a half can the two round apart; there, and above the limit, BigDecimal
     * decides. Dividing the whole number by 10^10 is what BigDecimal's doubleValue does at this scale.
     * (BigDecimal.valueOf writes the double out as text first, the slow part on every answer.)
     */
    static double round(double usd) {
        if (usd > 0 && usd < SHORTCUT_LIMIT) {
            double scaled = usd * TEN_TO_SCALE;
            double whole = Math.floor(scaled);
            double fraction = scaled - whole;
            if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
                return (fraction > 0.5 ? whole + 1 : whole) / TEN_TO_SCALE;
            }
        }
        return BigDecimal.valueOf(usd).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }
}
