package dev.switchboard.cost;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a price file in LiteLLM's format: an object of model name to an entry with
 * input_cost_per_token, output_cost_per_token, cache and reasoning prices, max_input_tokens,
 * litellm_provider and mode. Entries without both token prices (image or audio models, LiteLLM's
 * "sample_spec") are skipped, which leaves those models unpriced.
 */
public final class PriceTableLoader {

    public static final String BUILT_IN = "classpath:prices/model_prices.json";
    /** LiteLLM's documentation entry: it carries example prices of 0 and is no model. */
    static final String SAMPLE_SPEC = "sample_spec";

    private final JsonMapper mapper;

    public PriceTableLoader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public PriceTable load(String location) {
        JsonNode root;
        try (InputStream in = open(location)) {
            root = mapper.readValue(in.readAllBytes(), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("price file " + location + " cannot be read as JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("price file " + location + " must be a JSON object of model entries");
        }
        Map<String, ModelPrice> prices = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.entries()) {
            JsonNode e = entry.getValue();
            if (SAMPLE_SPEC.equals(entry.getKey()) || !e.isObject() || number(e, "input_cost_per_token") == null || number(e, "output_cost_per_token") == null) {
                continue;
            }
            prices.put(entry.getKey(), new ModelPrice(
                    number(e, "input_cost_per_token"), number(e, "output_cost_per_token"),
                    orZero(number(e, "cache_read_input_token_cost")),
                    orZero(number(e, "cache_creation_input_token_cost")),
                    orZero(number(e, "output_cost_per_reasoning_token")),
                    (int) orZero(number(e, "max_input_tokens")),
                    text(e, "litellm_provider"), text(e, "mode")));
        }
        return new PriceTable(location, prices);
    }

    private static Double number(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isNumber() ? value.getDoubleValue() : null;
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = PriceTableLoader.class.getClassLoader()
                    .getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
