package dev.switchboard.example;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The example's command line: {@code [--base-url URL] [--api-key KEY] [--model MODEL] PROMPT...}.
 *
 * @param baseUrl the gateway's OpenAI-compatible root, ending in {@code /v1}
 * @param apiKey  a virtual key or the admin key; any non-empty string while authentication is off
 * @param keyGiven whether the caller gave a key (otherwise a placeholder the gateway ignores when its
 *                 authentication is off)
 * @param model   {@code auto} to let Switchboard choose, or a configured model to pin
 * @param prompt  the user message
 */
record ExampleOptions(String baseUrl, String apiKey, boolean keyGiven, String model, String prompt) {

    static final String USAGE = "usage: java -jar sdk-example-all.jar [--base-url http://127.0.0.1:8080/v1]"
            + " [--api-key KEY] [--model auto|<configured model>] PROMPT...";

    private static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1";
    /** The SDK refuses an empty key; a gateway with authentication off ignores this one. */
    private static final String NO_KEY = "authentication-off";

    ExampleOptions {
        URI uri = URI.create(baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !uri.getPath().endsWith("/v1")) {
            throw new IllegalArgumentException("--base-url must be an http(s) URL ending in /v1, got " + baseUrl);
        }
        if (apiKey.isBlank() || model.isBlank() || prompt.isBlank()) {
            throw new IllegalArgumentException("the key, the model and the prompt must not be blank");
        }
    }

    /** Where the gateway's own routes (such as /feedback) live: the base URL without its /v1. */
    String gatewayRoot() {
        return baseUrl.substring(0, baseUrl.length() - "/v1".length());
    }

    static ExampleOptions parse(String[] args) {
        String baseUrl = DEFAULT_BASE_URL;
        String apiKey = null;
        String model = "auto";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base-url" -> baseUrl = valueAfter(args, i++);
                case "--api-key" -> apiKey = valueAfter(args, i++);
                case "--model" -> model = valueAfter(args, i++);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    words.add(args[i]);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no prompt given");
        }
        return new ExampleOptions(stripSlash(baseUrl), apiKey == null ? NO_KEY : apiKey, apiKey != null, model,
                String.join(" ", words));
    }

    private static String valueAfter(String[] args, int at) {
        if (at + 1 >= args.length) {
            throw new IllegalArgumentException(args[at] + " needs a value");
        }
        return args[at + 1];
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
