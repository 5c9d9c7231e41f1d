package dev.switchboard.secrets;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two shapes a provider's secret may take: the key itself as a plain string, or a JSON object with an
 * {@value #FIELD} field (the shape the console's key/value editor writes). Anything else is unusable.
 * A secret shared by the providers is a JSON object whose fields are provider names, each holding the
 * key in either shape.
 */
final class SecretKeyFormat {

    static final String FIELD = "api_key";
    static final String EXPECTED = "a plain string or a JSON object with a non-blank \"" + FIELD + "\" field";
    static final String EXPECTED_SHARED = "a JSON object of provider name to key (a string, or an object with \""
            + FIELD + "\")";

    private final JsonMapper json;

    SecretKeyFormat(JsonMapper json) {
        this.json = json;
    }

    /** The key the secret holds, or empty when it holds neither shape. */
    Optional<ApiKey> read(String secretString) {
        if (secretString == null) {
            return Optional.empty();
        }
        String value = secretString.strip();
        // No real key starts with a brace, bracket or quote: JSON was meant, so anything but the object
        // shape is unusable rather than a key with JSON punctuation in it.
        return looksLikeJson(value) ? fromJson(value) : plain(value);
    }

    /**
     * The provider's key in a shared secret; empty when the secret has no field for the provider.
     *
     * @throws UnusableSecretException when the secret is not a JSON object, or the provider's field holds no key
     */
    Optional<ApiKey> readShared(String secretString, String providerName) {
        JsonNode root = secretString == null ? null : parse(secretString.strip());
        if (root == null || !root.isObject()) {
            throw new UnusableSecretException();
        }
        JsonNode entry = root.get(providerName);
        if (entry == null) {
            return Optional.empty();
        }
        JsonNode value = entry.isObject() ? entry.get(FIELD) : entry;
        Optional<ApiKey> key = value != null && value.isString() ? plain(value.getStringValue().strip())
                : Optional.empty();
        if (key.isEmpty()) {
            throw new UnusableSecretException();
        }
        return key;
    }

    /** A secret in no accepted shape; carries nothing of the secret. */
    static final class UnusableSecretException extends RuntimeException {
        UnusableSecretException() {
            super("unusable secret", null, false, false);
        }
    }

    private JsonNode parse(String value) {
        try {
            return json.readValue(value.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeJson(String value) {
        return value.startsWith("{") || value.startsWith("[") || value.startsWith("\"");
    }

    private Optional<ApiKey> fromJson(String value) {
        JsonNode root = parse(value);
        JsonNode field = root != null && root.isObject() ? root.get(FIELD) : null;
        return field != null && field.isString() ? plain(field.getStringValue().strip()) : Optional.empty();
    }

    /** A key goes into a header as it is, so one with spaces, line breaks or anything but ASCII is refused. */
    private static Optional<ApiKey> plain(String value) {
        return ApiKey.carriable(value) ? Optional.of(new ApiKey(value)) : Optional.empty();
    }
}
