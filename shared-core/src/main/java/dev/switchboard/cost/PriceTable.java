package dev.switchboard.cost;

import java.util.Map;
import java.util.Optional;

/** Prices by model name. A model that is absent is unpriced, never free. */
public final class PriceTable {

    private final Map<String, ModelPrice> prices;
    private final String source;

    public PriceTable(String source, Map<String, ModelPrice> prices) {
        this.source = source;
        this.prices = Map.copyOf(prices);
    }

    public Optional<ModelPrice> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    public String source() {
        return source;
    }

    public int size() {
        return prices.size();
    }
}
