package dev.switchboard.api.http;

import io.micronaut.http.HttpRequest;

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

    /** The value of {@code name}, repeated keys joined with commas; null when absent. */
    public static String asSent(HttpRequest<?> request, String name) {
        List<String> pieces = request.getParameters().getAll(name);
        return pieces.isEmpty() ? null : String.join(",", pieces);
    }
}
