package dev.switchboard.cost;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price file in LiteLLM's format: an object of model name to an entry with
 * input_cost_per_token, output_cost_per_token, cache, reasoning and audio-input prices, max_input_tokens,
 * max_output_tokens,
 * litellm_provider and mode, and the long-context tiers (see {@link PriceTier}). Entries without both
 * token prices (image or audio models, LiteLLM's "sample_spec") are skipped, which leaves those models
 * unpriced.
 */
public final class PriceTableLoader {

    public static final String BUILT_IN = "classpath:prices/model_prices.json";
    /** LiteLLM's documentation entry: it carries example prices of 0 and is no model. */
    static final String SAMPLE_SPEC = "sample_spec";
    /**
     * A tier's input price names its threshold, in thousands ("_above_200k_tokens") or in tokens
     * ("_above_512_tokens"); as in LiteLLM, only this field opens a tier. Variants with a suffix after
     * "_tokens" (a service tier's "_priority") do not match and are left out.
     */
    private static final Pattern TIER_INPUT = Pattern.compile("input_cost_per_token_above_(\\d{1,9})(k?)_tokens");

    /** The token prices this loader reads, tiers included: what {@link #checkPrices} holds to at least 0. */
    private static final Pattern PRICE_FIELD = Pattern.compile(
            "(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost"
                    + "|output_cost_per_reasoning_token|input_cost_per_audio_token)(_above_\\d{1,9}k?_tokens)?");
    private static final double IMPLAUSIBLE_PER_TOKEN = 1e-3;
    private static final Logger LOG = LoggerFactory.getLogger(PriceTableLoader.class);

    private final JsonMapper mapper;

    public PriceTableLoader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public PriceTable load(String location) {
        JsonNode root;
        try (InputStream in = open(location)) {
            root = mapper.readValue(in.readAllBytes(), JsonNode.class);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("price file " + location + " does not exist (" + absolute(location) + ")",
                    e);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("price file " + location + " cannot be read (permission denied on "
                    + absolute(location) + ")", e);
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
            checkPrices(location, entry.getKey(), e);
            prices.put(entry.getKey(), new ModelPrice(
                    number(e, "input_cost_per_token"), number(e, "output_cost_per_token"),
                    orZero(number(e, "cache_read_input_token_cost")),
                    orZero(number(e, "cache_creation_input_token_cost")),
                    orZero(number(e, "output_cost_per_reasoning_token")),
                    (int) orZero(number(e, "max_input_tokens")),
                    text(e, "litellm_provider"), text(e, "mode"), tiers(e),
                    (int) orZero(number(e, "max_output_tokens")),
                    orZero(number(e, "input_cost_per_audio_token"))));
        }
        return new PriceTable(location, prices);
    }

    /**
     * Refuses a negative or non-finite price, naming the file, model and field: read as given, it would pay the
     * caller for every call, or turn the savings into nonsense. A price per token of a tenth of a cent or more
     * (a million tokens for $1,000, above any list price) is most likely a price per million typed into a field
     * per token; it is taken, and said once, since the file's owner may mean it.
     */
    private static void checkPrices(String location, String model, JsonNode entry) {
        for (Map.Entry<String, JsonNode> field : entry.entries()) {
            String name = field.getKey();
            if (!PRICE_FIELD.matcher(name).matches() || !field.getValue().isNumber()) {
                continue;
            }
            double price = field.getValue().getDoubleValue();
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new IllegalStateException("price file " + location + ": " + model + "'s " + name
                        + " must be a number of at least 0 (USD per token), not " + field.getValue().getValue());
            }
            if (price >= IMPLAUSIBLE_PER_TOKEN) {
                LOG.warn("price file {}: {}'s {} is {} USD per token, {} USD per million tokens; prices in this file are "
                        + "per token", location, model, name, price, price * 1e6);
            }
        }
    }

    /** The entry's long-context tiers: one for each threshold its input price is given above. */
    private static List<PriceTier> tiers(JsonNode entry) {
        List<PriceTier> tiers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : entry.entries()) {
            Matcher m = TIER_INPUT.matcher(field.getKey());
            if (!m.matches() || number(entry, field.getKey()) == null) {
                continue;
            }
            long threshold = Long.parseLong(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
            if (threshold > Integer.MAX_VALUE) {
                continue;
            }
            String above = "_above_" + m.group(1) + m.group(2) + "_tokens";
            tiers.add(new PriceTier((int) threshold, number(entry, field.getKey()),
                    orZero(number(entry, "output_cost_per_token" + above)),
                    orZero(number(entry, "cache_read_input_token_cost" + above)),
                    orZero(number(entry, "cache_creation_input_token_cost" + above))));
        }
        return tiers;
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

    /** A relative path resolves against the working directory, which the user may not know. */
    private static Path absolute(String location) {
        return Path.of(location).toAbsolutePath().normalize();
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
