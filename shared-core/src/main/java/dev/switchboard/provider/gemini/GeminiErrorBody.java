package dev.switchboard.provider.gemini;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Google API error body ({"error":{"code","message","status","details"}}) says, as far as
 * classification needs it. The message text is read only to spot a prompt that is too long, and a thinking
 * budget or a penalty refused (Gemini gives none of them a code of its own), and is never kept.
 *
 * @param code           an ErrorInfo reason that changes the classification (API_KEY_INVALID), else
 *                       the canonical status (INVALID_ARGUMENT, RESOURCE_EXHAUSTED...), or null
 * @param keyInvalid     Gemini answers a wrong key with 400, not 401: only this detail tells them apart
 * @param contextTooLong the message says the input token count exceeds the model's maximum
 * @param thinkingRefused an INVALID_ARGUMENT whose message speaks of thinking: a model that cannot think, or
 *                       one that cannot stop (a budget of 0 on 2.5 Pro); read only for a request that set an effort
 * @param penaltyRefused an INVALID_ARGUMENT whose message speaks of a penalty, which some models do not take;
 *                       read only for a request that set one
 * @param validatedRefused an INVALID_ARGUMENT whose message speaks of the VALIDATED function-calling mode (asked
 *                       for strict tools), which some models do not take; read only for a request with a strict tool
 * @param signatureRefused an INVALID_ARGUMENT whose message speaks of a thought signature: a call sent back without
 *                       the signature this model wants (see {@link GeminiThoughtSignatures}), or with one it cannot
 *                       read (another model's); a deployment of another model or provider may take the conversation
 * @param retryDelay     a RetryInfo detail's delay: Gemini's 429s say how long to wait there, not in a header
 */
record GeminiErrorBody(String code, boolean keyInvalid, boolean contextTooLong, boolean thinkingRefused,
                       boolean penaltyRefused, boolean validatedRefused, boolean signatureRefused,
                       Optional<Duration> retryDelay) {

    static final String API_KEY_INVALID = "API_KEY_INVALID";
    /** Gemini's status for an account it will not serve: billing not enabled, a region it is not offered in. */
    static final String FAILED_PRECONDITION = "FAILED_PRECONDITION";
    /** Gemini's status for a request it cannot take as it is. */
    static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";

    private static final GeminiErrorBody UNREADABLE = new GeminiErrorBody(null, false, false, false, false, false,
            false, Optional.empty());

    /** Reads the body; anything that is not a Google error body (an HTML page, nothing) says nothing. */
    static GeminiErrorBody read(byte[] body, JsonMapper json) {
        JsonNode error;
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            error = root != null && root.isObject() ? root.get("error") : null;
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
        if (error == null || !error.isObject()) {
            return UNREADABLE;
        }
        boolean keyInvalid = false;
        Optional<Duration> delay = Optional.empty();
        JsonNode details = error.get("details");
        if (details != null && details.isArray()) {
            for (JsonNode detail : details.values()) {
                keyInvalid |= API_KEY_INVALID.equals(text(detail.get("reason")));
                if (delay.isEmpty()) {
                    delay = duration(text(detail.get("retryDelay")));
                }
            }
        }
        String status = text(error.get("status"));
        String message = text(error.get("message"));
        return new GeminiErrorBody(keyInvalid ? API_KEY_INVALID : status, keyInvalid, saysTooManyInputTokens(message),
                refusesArgument(status, message, "thinking"), refusesArgument(status, message, "penalty"),
                refusesArgument(status, message, "validated"), refusesArgument(status, message, "thought_signature")
                        || refusesArgument(status, message, "thought signature"), delay);
    }

    /**
     * Whether Gemini refused our project rather than the request (FAILED_PRECONDITION): every request
     * with this key fails the same way until billing or the region changes.
     */
    boolean accountUnusable() {
        return FAILED_PRECONDITION.equals(code);
    }

    /** An INVALID_ARGUMENT whose message speaks of {@code subject} (lower case). */
    private static boolean refusesArgument(String status, String message, String subject) {
        return INVALID_ARGUMENT.equals(status) && message != null && message.toLowerCase(Locale.ROOT).contains(subject);
    }

    private static boolean saysTooManyInputTokens(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("input token count") && lower.contains("exceeds the maximum");
    }

    /** A protobuf JSON Duration: decimal seconds with an "s" suffix ("37s", "0.5s"). */
    static Optional<Duration> duration(String value) {
        if (value == null || !value.endsWith("s")) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(value.substring(0, value.length() - 1));
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }
}
