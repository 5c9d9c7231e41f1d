package dev.switchboard.provider.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP header names are case-insensitive: store them lower-cased and look them up that way. */
final class UpstreamHeaders {

    private UpstreamHeaders() {
    }

    static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return Map.copyOf(lower);
    }

    static Optional<String> first(Map<String, List<String>> headers, String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
