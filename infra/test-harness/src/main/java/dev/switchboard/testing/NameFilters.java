package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * ListSecrets' {@code Filters}, restricted to the {@code name} key: a case-sensitive prefix match, where a
 * value starting with {@code !} excludes instead, values of one filter are alternatives and separate filters
 * must all hold. Other keys AWS knows (descriptions, tags, ...) are refused rather than ignored, so a test
 * never passes against a filter this server silently skipped.
 */
final class NameFilters {

    private static final List<String> AWS_FILTER_KEYS =
            List.of("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");

    private NameFilters() {
    }

    static Predicate<StoredSecret> parse(JsonNode filters) {
        Predicate<StoredSecret> all = secret -> true;
        if (filters == null || filters.isNull()) {
            return all;
        }
        if (!filters.isArray()) {
            throw SecretsManagerError.validation("Filters must be a list.");
        }
        for (JsonNode filter : filters) {
            all = all.and(parseOne(filter));
        }
        return all;
    }

    private static Predicate<StoredSecret> parseOne(JsonNode filter) {
        String key = filter.path("Key").asText("");
        if (!AWS_FILTER_KEYS.contains(key)) {
            throw SecretsManagerError.validation("Filter key '" + key + "' is not valid.");
        }
        if (!"name".equals(key)) {
            throw SecretsManagerError.invalidParameter(
                    "Filter key '" + key + "' is not supported by SecretsManagerTestServer; only 'name' is.");
        }
        JsonNode values = filter.path("Values");
        if (!values.isArray() || values.isEmpty() || values.size() > 10) {
            throw SecretsManagerError.validation("A filter needs between 1 and 10 values.");
        }
        List<String> wanted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (JsonNode value : values) {
            String text = value.asText();
            if (text.startsWith("!")) {
                excluded.add(text.substring(1));
            } else {
                wanted.add(text);
            }
        }
        return secret -> (wanted.isEmpty() || wanted.stream().anyMatch(secret.name()::startsWith))
                && excluded.stream().noneMatch(secret.name()::startsWith);
    }
}
