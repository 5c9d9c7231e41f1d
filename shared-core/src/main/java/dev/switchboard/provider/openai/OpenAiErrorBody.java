package dev.switchboard.provider.openai;

import dev.switchboard.provider.ProviderException.Kind;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * What an OpenAI-style error body says: its code (or type) and the kind it stands for when that is
 * not its status's. OpenAI nests it under "error"; vLLM and llama.cpp use the same shape or put
 * message and type at the top. The message is read for the context check only, never passed on.
 *
 * @param kind what the body says beyond its status, or null to go by the status alone
 */
record OpenAiErrorBody(String code, Kind kind) {

    private static final OpenAiErrorBody UNKNOWN = new OpenAiErrorBody(null, null);

    /**
     * Codes (or types) for an account that cannot pay for calls. OpenAI sends insufficient_quota and
     * billing_not_active as 429s, but no wait helps: only topping up does, and another provider may
     * answer meanwhile.
     */
    private static final Set<String> ACCOUNT_UNUSABLE = Set.of("insufficient_quota", "billing_hard_limit_reached",
            "billing_not_active", "account_deactivated");

    /**
     * Codes for a parameter this model refuses though the request is sound (a reasoning model that
     * takes no temperature, no max_tokens): another deployment may take it as it is.
     */
    private static final Set<String> MODEL_CANNOT = Set.of("unsupported_value", "unsupported_parameter");

    static OpenAiErrorBody read(JsonMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        if (root == null || !root.isObject()) {
            return UNKNOWN;
        }
        JsonNode error = root.get("error");
        JsonNode holder = error != null && error.isObject() ? error : root;
        String code = text(holder.get("code"));
        String type = text(holder.get("type"));
        String message = text(holder.get("message"));
        return new OpenAiErrorBody(code != null ? code : type, kindOf(code, type, message));
    }

    private static Kind kindOf(String code, String type, String message) {
        if (either(ACCOUNT_UNUSABLE, code, type)) {
            return Kind.UNAUTHORIZED;
        }
        if (either(MODEL_CANNOT, code, null)) {
            return Kind.UNSUPPORTED;
        }
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        // OpenAI and vLLM: context_length_exceeded, "maximum context length"; llama.cpp's server:
        // type exceed_context_size_error (its code is the number 400), "exceeds the available context size".
        if ("context_length_exceeded".equals(code) || "exceed_context_size_error".equals(type)
                || lower.contains("maximum context length")
                || (lower.contains("context size") && lower.contains("exceed"))) {
            return Kind.CONTEXT_TOO_LONG;
        }
        return null;
    }

    /** Whether code or type is one of {@code names} (Set.of refuses to look up null). */
    private static boolean either(Set<String> names, String code, String type) {
        return (code != null && names.contains(code)) || (type != null && names.contains(type));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }
}
