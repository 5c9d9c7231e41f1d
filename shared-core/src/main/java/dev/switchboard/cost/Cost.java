package dev.switchboard.cost;

/** What a call cost in USD; {@code priced} is false when the model has no known price (usd is then 0, not free). */
public record Cost(double usd, boolean priced) {

    public static final Cost ZERO = new Cost(0.0, true);

    public static Cost unpriced() {
        return new Cost(0.0, false);
    }
}
