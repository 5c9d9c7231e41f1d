package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.http.UpstreamFailures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an Anthropic error body ({"type":"error","error":{"type":..,"message":..}}) says: its error
 * type, whether it refused the prompt for not fitting the context, and whether it refused our
 * account. The message is read only for that; it is never kept, since it can quote the prompt.
 *
 * @param type            the error type (invalid_request_error, overloaded_error, ...), or null when the body is not one
 * @param accountUnusable Anthropic says "no credit left", "spend limit reached" or "organization disabled"
 *                        as a 400 invalid_request_error: only the message tells it from a bad request
 * @param formatRefused   an invalid_request_error that speaks of the output format or a schema: read only for
 *                        a request that asked for one, where it means this model cannot give that answer
 * @param strictRefused   an invalid_request_error that speaks of strict tools (see STRICT_REFUSED): read only for
 *                        a request with a strict tool, where it means this model has no strict tool use, or none
 *                        for that schema, which another provider may still take
 * @param modelCannot     an invalid_request_error saying a field or mode of the request is not supported, or no
 *                        longer, "for this model" (a newer Claude that takes no temperature, or thinking only in its
 *                        adaptive mode): the request is sound and another deployment may take it as it is
 */
record AnthropicErrorBody(String type, boolean contextTooLong, boolean accountUnusable, boolean formatRefused,
                          boolean strictRefused, boolean modelCannot) {

    private static final AnthropicErrorBody NONE = new AnthropicErrorBody(null, false, false, false, false, false);
    /**
     * A structured-output refusal (lower case): a model without structured outputs, or a schema using what
     * they do not take (numeric or length bounds, recursion). The message names the field (Anthropic's
     * invalid_request_error messages start with the parameter's path) or the feature; a tool's input_schema
     * refused is the caller's own error and must not match.
     */
    private static final Pattern FORMAT_REFUSED = Pattern.compile("output_config|output_format|output format"
            + "|structured output");
    /**
     * A strict-tool refusal (lower case): the word strict itself ("tools.0.custom.strict: Extra inputs are not
     * permitted" from a model without it), a schema feature strict decoding does not take on a tool's
     * input_schema, or a grammar compiled from the schemas that is too large.
     */
    private static final Pattern STRICT_REFUSED = Pattern.compile("\\bstrict\\b|grammar|input_schema.*not supported");
    /** How those account refusals are worded (lower case): every request with our key fails until billing is fixed. */
    private static final Pattern ACCOUNT_UNUSABLE = Pattern.compile(
            "credit balance|usage limits?|spend(ing)? limit|organization (has been|is) disabled");
    /**
     * A refusal of what this model takes (lower case): "`temperature` is deprecated for this model",
     * "\"thinking.type.enabled\" is not supported for this model", "this model does not support assistant
     * message prefill". Only with "this model", so that a request that is wrong for every model stays the
     * caller's error.
     */
    private static final Pattern MODEL_CANNOT = Pattern.compile(
            "(not supported|deprecated|not available) for this model|this model does not support");

    static AnthropicErrorBody read(JsonMapper json, byte[] body) {
        JsonNode error;
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            error = root != null && root.isObject() ? root.get("error") : null;
        } catch (IOException | RuntimeException e) {
            // An HTML page or a proxy's text: classified by its status alone.
            return NONE;
        }
        return of(error);
    }

    /** The error object of an error body or of a stream's error event. */
    static AnthropicErrorBody of(JsonNode error) {
        if (error == null || !error.isObject()) {
            return NONE;
        }
        JsonNode type = error.get("type");
        JsonNode message = error.get("message");
        String typeText = type != null && type.isString() ? type.getStringValue() : null;
        String messageText = message != null && message.isString()
                ? message.getStringValue().toLowerCase(Locale.ROOT) : "";
        // "prompt is too long: N tokens > M maximum"; also the prompt plus max_tokens not fitting.
        boolean invalidRequest = "invalid_request_error".equals(typeText);
        boolean tooLong = invalidRequest
                && (messageText.contains("prompt is too long") || messageText.contains("exceed context limit"));
        return new AnthropicErrorBody(typeText, tooLong, invalidRequest && ACCOUNT_UNUSABLE.matcher(messageText).find(),
                invalidRequest && FORMAT_REFUSED.matcher(messageText).find() && !messageText.contains("tools."),
                invalidRequest && STRICT_REFUSED.matcher(messageText).find(),
                invalidRequest && MODEL_CANNOT.matcher(messageText).find());
    }

    /** " (type)" to end a message with, or "" when there is no type fit to repeat. */
    String typeSuffix() {
        // Repeated only when it looks like a type, as the HTTP errors' codes are (no digits: a key could be one).
        return UpstreamFailures.safeToRepeat(type) ? " (" + type + ")" : "";
    }
}
