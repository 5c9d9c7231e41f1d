package dev.switchboard.api.http;

import io.micronaut.http.HttpRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Query values as the caller sent them. Micronaut's Lambda adapter splits each value of API Gateway's
 * {@code queryStringParameters} at its commas (where API Gateway has already joined repeated keys with
 * commas), and a plain lookup then gives only the first piece: "Hi, there" would arrive as "Hi". Joining
 * every piece back gives the same value on Lambda as on the local server.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * The value of {@code name}, repeated keys joined with commas; null when absent. Read from the raw
     * query where the request has one: the adapter's split also drops trailing empty pieces, so "Hello,"
     * would come back as "Hello" and ",," as nothing at all.
     */
    public static String asSent(HttpRequest<?> request, String name) {
        String raw = request.getUri().getRawQuery();
        if (raw != null) {
            try {
                return fromRaw(raw, name);
            } catch (IllegalArgumentException badEncoding) {
                // A malformed escape: left to the framework's own reading below.
            }
        }
        List<String> pieces = request.getParameters().getAll(name);
        return pieces.isEmpty() ? null : String.join(",", pieces);
    }

    private static String fromRaw(String raw, String name) {
        List<String> values = new ArrayList<>(1);
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                values.add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values.isEmpty() ? null : String.join(",", values);
    }
}
