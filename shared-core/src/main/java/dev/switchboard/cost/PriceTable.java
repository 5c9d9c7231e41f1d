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

    /** This table with {@code overrides} laid over it (they win for a model both list), named {@code source}. */
    public PriceTable overlaidWith(Map<String, ModelPrice> overrides, String newSource) {
        java.util.HashMap<String, ModelPrice> merged = new java.util.HashMap<>(prices);
        merged.putAll(overrides);
        return new PriceTable(newSource, merged);
    }
}
