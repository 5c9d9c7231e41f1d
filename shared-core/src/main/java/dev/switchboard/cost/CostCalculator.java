package dev.switchboard.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Prices calls from the price table, and what the same call would have cost on the baseline model. */
public final class CostCalculator {

    /** Costs are kept to a millionth of a cent: fine enough for one short call, stable to sum. */
    private static final int SCALE = 10;

    private final PriceTable prices;
    private final String baselineModel;

    public CostCalculator(PriceTable prices, String baselineModel) {
        this.prices = Objects.requireNonNull(prices);
        this.baselineModel = Objects.requireNonNull(baselineModel);
    }

    public Cost cost(String model, int inputTokens, int outputTokens) {
        return prices.price(model)
                .map(p -> new Cost(round(inputTokens * p.inputCostPerToken() + outputTokens * p.outputCostPerToken()), true))
                .orElseGet(Cost::unpriced);
    }

    /** What the default strong model would have charged for the same tokens: the savings baseline. */
    public Cost baselineCost(int inputTokens, int outputTokens) {
        return cost(baselineModel, inputTokens, outputTokens);
    }

    public String baselineModel() {
        return baselineModel;
    }

    public PriceTable prices() {
        return prices;
    }

    static double round(double usd) {
        return BigDecimal.valueOf(usd).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }
}
