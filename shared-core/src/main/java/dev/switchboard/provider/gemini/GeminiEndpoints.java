package dev.switchboard.provider.gemini;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a Gemini call goes. The key is sent in a header, never in these URLs, which reach logs.
 * The model is one path segment, encoded as such; Gemini's own "models/" prefix is accepted and
 * dropped, since Gemini lists its models under that name.
 */
final class GeminiEndpoints {

    static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    private final String base;

    /** @throws IllegalArgumentException when the base URL is not an absolute http(s) URL */
    GeminiEndpoints(String baseUrl) {
        String trimmed = Objects.requireNonNull(baseUrl, "baseUrl").strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        // The URL is not echoed: a careless configuration may carry a key in it.
        if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || uri.getQuery() != null) {
            throw new IllegalArgumentException("a Gemini base URL must be an absolute http(s) URL without a query");
        }
        this.base = trimmed;
    }

    URI generate(String model) {
        return URI.create(base + "/v1beta/models/" + segment(model) + ":generateContent");
    }

    /** alt=sse makes Gemini stream server-sent events rather than one JSON array. */
    URI stream(String model) {
        return URI.create(base + "/v1beta/models/" + segment(model) + ":streamGenerateContent?alt=sse");
    }

    private static String segment(String model) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        // URLEncoder encodes for forms: a space is "+" there, but must be %20 in a path.
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
