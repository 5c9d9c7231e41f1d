package dev.switchboard.api;

import dev.switchboard.provider.ChatRequest;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;

/**
 * OpenAI's fields about the end user and the request's labels: {@code user} and its newer name for abuse
 * monitoring, {@code safety_identifier}, give the end-user id passed on to providers; {@code metadata}
 * labels a completion OpenAI stores, and since {@code store} is always false here it is checked and kept
 * nowhere. Messages never quote the values: they are the caller's data.
 */
final class EndUserFields {

    static final Set<String> FIELDS = Set.of("user", "safety_identifier", "metadata");
    static final int MAX_SAFETY_IDENTIFIER_CHARS = 64;
    static final int MAX_METADATA_PAIRS = 16;
    static final int MAX_METADATA_KEY_CHARS = 64;
    static final int MAX_METADATA_VALUE_CHARS = 512;

    private EndUserFields() {
    }

    /** The end-user id, from safety_identifier or user (both given, they must agree); null when neither is. */
    static String parse(JsonBody json) {
        checkMetadata(json.optionalNode("metadata"));
        String user = json.optionalText("user", null);
        if (user != null && (user.isBlank() || user.length() > ChatRequest.MAX_END_USER_CHARS)) {
            throw new InvalidRequestException("user", "'user' must be a non-blank string of at most "
                    + ChatRequest.MAX_END_USER_CHARS + " characters");
        }
        String safety = json.optionalText("safety_identifier", null);
        if (safety != null && (safety.isBlank() || safety.length() > MAX_SAFETY_IDENTIFIER_CHARS)) {
            throw new InvalidRequestException("safety_identifier", "'safety_identifier' must be a non-blank string of "
                    + "at most " + MAX_SAFETY_IDENTIFIER_CHARS + " characters");
        }
        if (safety != null && user != null && !safety.equals(user)) {
            throw new InvalidRequestException("safety_identifier", "'safety_identifier' and 'user' name the end user "
                    + "twice, differently: give one, or the same in both");
        }
        return safety != null ? safety : user;
    }

    /** OpenAI's shape: at most 16 pairs, keys of at most 64 characters, string values of at most 512. */
    private static void checkMetadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return;
        }
        String shape = "'metadata' must be an object of at most " + MAX_METADATA_PAIRS + " keys of at most "
                + MAX_METADATA_KEY_CHARS + " characters, each with a string of at most " + MAX_METADATA_VALUE_CHARS
                + " characters";
        if (!metadata.isObject() || metadata.size() > MAX_METADATA_PAIRS) {
            throw new InvalidRequestException("metadata", shape);
        }
        for (var entry : metadata.entries()) {
            JsonNode value = entry.getValue();
            if (entry.getKey().length() > MAX_METADATA_KEY_CHARS || !value.isString()
                    || value.getStringValue().length() > MAX_METADATA_VALUE_CHARS) {
                throw new InvalidRequestException("metadata", shape);
            }
        }
    }
}
