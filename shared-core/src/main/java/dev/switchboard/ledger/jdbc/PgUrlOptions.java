package dev.switchboard.ledger.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code options} parameter of a PostgreSQL JDBC URL: server settings for each connection, as
 * {@code -c name=value} words, percent-encoded in the URL.
 */
final class PgUrlOptions {

    private static final String PARAMETER = "options";

    private PgUrlOptions() {
    }

    /** Whether {@code url} has an options parameter of its own. */
    static boolean given(String url) {
        return valueIndex(url) >= 0;
    }

    /** {@code settings} as an options value: {@code -c name=value} each. */
    static String format(Map<String, String> settings) {
        StringJoiner words = new StringJoiner(" ");
        settings.forEach((name, value) -> words.add("-c " + name + "=" + value));
        return words.toString();
    }

    /** {@code url} with each of {@code settings} that its options do not name already added to them. */
    static String with(String url, Map<String, String> settings) {
        int start = valueIndex(url);
        int end = url.indexOf('&', start);
        end = end < 0 ? url.length() : end;
        String own = URLDecoder.decode(url.substring(start, end), StandardCharsets.UTF_8);
        StringBuilder options = new StringBuilder(own);
        settings.forEach((name, value) -> {
            if (!own.toLowerCase(Locale.ROOT).contains(name + "=")) {
                options.append(options.isEmpty() ? "" : " ").append("-c ").append(name).append('=').append(value);
            }
        });
        String encoded = URLEncoder.encode(options.toString(), StandardCharsets.UTF_8).replace("+", "%20");
        return url.substring(0, start) + encoded + url.substring(end);
    }

    /** Where the options value starts in {@code url}'s query, or -1 without one. */
    private static int valueIndex(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return -1;
        }
        int at = query + 1;
        while (at < url.length()) {
            int next = url.indexOf('&', at);
            int stop = next < 0 ? url.length() : next;
            String pair = url.substring(at, stop);
            if (pair.toLowerCase(Locale.ROOT).startsWith(PARAMETER + "=")) {
                return at + PARAMETER.length() + 1;
            }
            at = stop + 1;
        }
        return -1;
    }
}
