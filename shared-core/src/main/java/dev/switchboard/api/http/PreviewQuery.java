package dev.switchboard.api.http;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.QueryParameters;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.api.RoutingPreferencesParser;
import io.micronaut.http.HttpRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A preview's query string held to the rules of a body: every parameter known (an unknown one is a 400
 * naming it, as an unknown body field is; only a cache-buster {@code _} is let by), no value empty, and the
 * percent-escapes well formed UTF-8. A repeated parameter's values are joined with commas, as API Gateway
 * joins them before a function sees them (so a repeated prompt reads as one prompt with a comma, on Lambda
 * and locally alike). Read from the raw query: the local server's as sent; on Lambda the adapter rebuilds
 * it, escaped again, from the values API Gateway has already decoded (so bytes that were not UTF-8 reach
 * it as U+FFFD and cannot be told apart).
 */
public final class PreviewQuery {

    /** What browsers' HTTP libraries add to a GET so that no cache answers it (jQuery's cache: false). */
    static final String CACHE_BUSTER = "_";

    private final Map<String, List<String>> values;

    private PreviewQuery(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param route the route, for the error's words (e.g. "GET /routing/decision")
     * @param known the route's parameters
     */
    public static PreviewQuery of(HttpRequest<?> request, String route, Set<String> known) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String raw = request.getUri().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), null);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), key);
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        } else {
            request.getParameters().forEach((key, list) -> values.put(key, new ArrayList<>(list)));
        }
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            if (name.equals(CACHE_BUSTER)) {
                continue;
            }
            if (!known.contains(name)) {
                throw new InvalidRequestException(name, "'" + name + "' is not a parameter of " + route
                        + "; it takes " + String.join(", ", new TreeSet<>(known)));
            }
            if (entry.getValue().isEmpty() || entry.getValue().stream().anyMatch(String::isEmpty)) {
                throw new InvalidRequestException(name, "'" + name + "' is empty: leave it out for its default");
            }
        }
        return new PreviewQuery(values);
    }

    /**
     * What every preview takes: the prompt, its answer budget and the routing preferences of POST /complete,
     * and {@code extra}.
     */
    public static Set<String> parameters(String... extra) {
        Set<String> names = new TreeSet<>(RoutingPreferencesParser.FIELDS);
        names.addAll(Set.of("prompt", "max_tokens"));
        names.addAll(Set.of(extra));
        return Set.copyOf(names);
    }

    /** The required prompt, as POST /complete's. */
    public String prompt() {
        return QueryParameters.requiredText("prompt", value("prompt"), CompleteRequestParser.MAX_PROMPT_CHARS);
    }

    /** The answer budget, as POST /complete's max_tokens (1 to 4000, default 1000). */
    public int maxTokens() {
        return QueryParameters.optionalInt("max_tokens", value("max_tokens"), CompleteRequest.DEFAULT_MAX_TOKENS,
                CompleteRequest.MIN_MAX_TOKENS, CompleteRequest.MAX_MAX_TOKENS);
    }

    public RoutingPreferences preferences() {
        return RoutingPreferencesParser.fromQuery(this::value);
    }

    /** The value of {@code name} (a repeated parameter's values joined with commas); null when absent. */
    public String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : String.join(",", given);
    }

    /** Percent-decodes {@code text} as UTF-8, refusing a malformed escape or bytes that are not UTF-8. */
    static String decode(String text, String parameter) {
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw malformed(parameter);
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes[length++] = ' ';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                String what = parameter == null ? "the query string" : "'" + parameter + "'";
                throw new InvalidRequestException(parameter, what + " holds characters that are not "
                        + "percent-encoded: escape them as UTF-8 (%C3%A9 for \u00e9)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(parameter);
        }
    }

    private static InvalidRequestException malformed(String parameter) {
        String what = parameter == null ? "the query string" : "'" + parameter + "'";
        return new InvalidRequestException(parameter, what + " holds a malformed percent-escape or bytes that are "
                + "not UTF-8");
    }
}
