package dev.switchboard.api;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@link RoutingPreferences} from a JSON body or from query parameters (lists there are
 * comma-separated), with the same 400s naming the field either way.
 */
public final class RoutingPreferencesParser {

    /** The body fields and query parameters that carry routing preferences. */
    public static final Set<String> FIELDS = Set.of("strategy", "latency_class", "max_cost", "sla_target_ms", "allow",
            "deny", "requires");

    private RoutingPreferencesParser() {
    }

    public static RoutingPreferences fromBody(JsonBody json) {
        int items = RoutingPreferences.MAX_LIST_ITEMS;
        int length = RoutingPreferences.MAX_NAME_LENGTH;
        return new RoutingPreferences(
                name(json.optionalText("strategy", null), "strategy"),
                json.optionalText("latency_class", null),
                json.optionalDecimal("max_cost", 0, RoutingPreferences.MAX_COST_USD),
                json.optionalLong("sla_target_ms", 1, RoutingPreferences.MAX_SLA_MS),
                json.optionalTextList("allow", items, length),
                json.optionalTextList("deny", items, length),
                distinct(json.optionalTextList("requires", items, length), "requires"));
    }

    /** @param parameter a query parameter's value by name, or null when absent */
    public static RoutingPreferences fromQuery(Function<String, String> parameter) {
        return new RoutingPreferences(
                name(blankToNull(parameter.apply("strategy")), "strategy"),
                blankToNull(parameter.apply("latency_class")),
                QueryParameters.optionalDecimal("max_cost", parameter.apply("max_cost"), 0,
                        RoutingPreferences.MAX_COST_USD),
                QueryParameters.optionalLong("sla_target_ms", parameter.apply("sla_target_ms"), 1,
                        RoutingPreferences.MAX_SLA_MS),
                list("allow", parameter.apply("allow")),
                list("deny", parameter.apply("deny")),
                distinct(list("requires", parameter.apply("requires")), "requires"));
    }

    private static String name(String value, String field) {
        if (value != null && (value.isBlank() || value.length() > RoutingPreferences.MAX_NAME_LENGTH)) {
            throw new InvalidRequestException(field, "'" + field + "' must be a non-blank name of at most "
                    + RoutingPreferences.MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    private static List<String> list(String name, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        if (items.size() > RoutingPreferences.MAX_LIST_ITEMS || items.stream().anyMatch(
                i -> i.isEmpty() || i.length() > RoutingPreferences.MAX_NAME_LENGTH)) {
            throw new InvalidRequestException(name, "'" + name + "' must be a comma-separated list of at most "
                    + RoutingPreferences.MAX_LIST_ITEMS + " non-blank names");
        }
        return items;
    }

    private static Set<String> distinct(List<String> items, String field) {
        Set<String> set = new HashSet<>(items);
        if (set.size() != items.size()) {
            throw new InvalidRequestException(field, "'" + field + "' lists a capability twice");
        }
        return set;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
