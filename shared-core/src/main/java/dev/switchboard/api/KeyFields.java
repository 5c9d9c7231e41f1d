package dev.switchboard.api;

import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of a virtual key an admin sets, as POST /keys and PATCH /keys/{id} read them: a 400 names the field. */
final class KeyFields {

    static final int MAX_TEXT = 128;
    /** The ledger's precision for money. */
    static final int USD_DECIMALS = 10;
    /** Far above any sensible cap; it keeps a typo's extra zeros from reading as "unlimited". */
    static final BigDecimal MAX_USD = new BigDecimal("1000000");
    static final long MAX_PER_MINUTE = 1_000_000_000L;

    private static final Set<String> BUDGET_FIELDS = Set.of("daily_usd", "monthly_usd");
    private static final Set<String> LIMIT_FIELDS = Set.of("rpm", "tpm");

    private KeyFields() {
    }

    /** The optional label, null when absent or null. */
    static String name(JsonBody json) {
        String name = json.optionalText("name", null);
        if (name != null && (name.isBlank() || name.length() > MAX_TEXT)) {
            throw new InvalidRequestException("name", "'name' must be a non-blank string of at most " + MAX_TEXT
                    + " characters");
        }
        return name;
    }

    /**
     * The only models the key may use, each once, in the admin's order; empty (absent or null) for every one.
     * Whether each names a configured deployment is the service's check.
     */
    static List<String> models(JsonBody json) {
        List<String> models = json.optionalTextList("models", RoutingPreferences.MAX_LIST_ITEMS,
                RoutingPreferences.MAX_NAME_LENGTH);
        if (json.optionalNode("models") != null && models.isEmpty()) {
            // A key that may use nothing is no use; an empty list must not be read as "every model" either.
            throw new InvalidRequestException("models", "'models' must name at least one provider, model or "
                    + "provider/model; leave it out for a key that may use every model");
        }
        return models.stream().distinct().toList();
    }

    /** An ISO-8601 instant with its offset ("2027-01-31T00:00:00Z"); whether it is still ahead is the service's check. */
    static Instant expiresAt(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String rule = "'expires_at' must be an ISO-8601 date and time with its offset, such as 2027-01-31T00:00:00Z";
        if (!node.isString()) {
            throw new InvalidRequestException("expires_at", rule);
        }
        try {
            return OffsetDateTime.parse(node.getStringValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("expires_at", rule);
        }
    }

    static KeyBudget budget(JsonNode node) {
        if (node == null) {
            return null;
        }
        object(node, "budget", BUDGET_FIELDS);
        BigDecimal daily = usd(node.get("daily_usd"), "budget.daily_usd");
        BigDecimal monthly = usd(node.get("monthly_usd"), "budget.monthly_usd");
        if (daily == null && monthly == null) {
            // An empty budget would read as "no cap at all": make the admin say what they mean.
            throw new InvalidRequestException("budget", "'budget' must set daily_usd, monthly_usd or both");
        }
        return new KeyBudget(daily, monthly);
    }

    static KeyLimits limits(JsonNode node) {
        if (node == null) {
            return KeyLimits.NONE;
        }
        object(node, "limits", LIMIT_FIELDS);
        return new KeyLimits(perMinute(node.get("rpm"), "limits.rpm"), perMinute(node.get("tpm"), "limits.tpm"));
    }

    private static void object(JsonNode node, String field, Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidRequestException(field, "'" + field + "' must be an object with " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!allowed.contains(entry.getKey())) {
                String path = field + "." + entry.getKey();
                throw new InvalidRequestException(path, "Unknown field '" + path + "'");
            }
        }
    }

    private static BigDecimal usd(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        String range = "'" + path + "' must be a number of USD between 0 and " + MAX_USD.toPlainString();
        // A number too large for a double (1e400) reads as Infinity, which has no decimal form.
        if (!value.isNumber() || !Double.isFinite(value.getNumberValue().doubleValue())) {
            throw new InvalidRequestException(path, range);
        }
        BigDecimal usd = new BigDecimal(value.getNumberValue().toString());
        if (usd.signum() < 0 || usd.compareTo(MAX_USD) > 0) {
            throw new InvalidRequestException(path, range);
        }
        if (usd.stripTrailingZeros().scale() > USD_DECIMALS) {
            // Finer than the ledger counts (1e-200 would also be refused by DynamoDB, as an outage).
            throw new InvalidRequestException(path, "'" + path + "' has at most " + USD_DECIMALS + " decimal places");
        }
        return usd;
    }

    private static Long perMinute(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        String range = "'" + path + "' must be an integer between 1 and " + MAX_PER_MINUTE;
        Number raw = value.isNumber() ? value.getNumberValue() : null;
        if (!(raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger)) {
            throw new InvalidRequestException(path, range);
        }
        BigDecimal number = new BigDecimal(raw.toString());
        if (number.compareTo(BigDecimal.ONE) < 0
                || number.compareTo(BigDecimal.valueOf(MAX_PER_MINUTE)) > 0) {
            throw new InvalidRequestException(path, range);
        }
        return number.longValueExact();
    }
}
