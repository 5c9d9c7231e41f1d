package dev.switchboard.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from a parsed YAML mapping that name the exact setting (file and path) when a value is
 * missing, mistyped or out of range, and refuse unknown keys so that a typo is not silently ignored.
 */
final class ConfigReader {

    private final String source;
    private final String path;
    private final Map<?, ?> map;

    ConfigReader(String source, String path, Object node, Set<String> allowedKeys) {
        this.source = source;
        this.path = path;
        if (!(node instanceof Map<?, ?> m)) {
            throw error(path, "must be a mapping");
        }
        this.map = m;
        for (Map.Entry<?, ?> entry : m.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!allowedKeys.contains(key)) {
                throw error(child(key), "is not a known setting (expected one of "
                        + allowedKeys.stream().sorted().toList() + ")");
            }
            // "guardrail:" with its lines commented out, "base-url:" left empty: read as absent, the one would
            // turn a safety control off and the other send the key to the provider's own host, without a word.
            if (entry.getValue() == null) {
                throw error(child(key), "has no value: give it one, or leave the key out for its default");
            }
        }
    }

    String source() {
        return source;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    String requiredString(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw error(child(key), "is required");
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw error(child(key), "must be a non-blank string");
        }
        return s;
    }

    String optionalString(String key) {
        return has(key) ? requiredString(key) : null;
    }

    long integer(String key, long fallback, long min, long max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw error(child(key), "must be a whole number between " + min + " and " + max);
        }
        return ((Number) value).longValue();
    }

    double decimal(String key, double fallback, double min, double max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        // Written so that NaN (YAML's .nan) is refused too: it is neither below min nor above max.
        if (!(value instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw error(child(key), "must be a number between " + min + " and " + max);
        }
        return n.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw error(child(key), "must be true or false");
        }
        return b;
    }

    List<?> list(String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw error(child(key), "is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw error(child(key), "must be a list");
        }
        if (required && l.isEmpty()) {
            throw error(child(key), "must not be empty");
        }
        return l;
    }

    ConfigurationError error(String at, String problem) {
        return new ConfigurationError(source + ": " + (at.isEmpty() ? "the top level" : at) + " " + problem);
    }
}
