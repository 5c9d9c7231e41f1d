package dev.switchboard.provider.openai;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Locale;

/**
 * What an OpenAI-style error body says: its code (or type) and whether the prompt did not fit the
 * model's context. OpenAI nests it under "error"; vLLM and llama.cpp use the same shape or put
 * message and type at the top. The message is read for the context check only, never passed on.
 */
record OpenAiErrorBody(String code, boolean contextTooLong) {

    private static final OpenAiErrorBody UNKNOWN = new OpenAiErrorBody(null, false);

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
        boolean tooLong = "context_length_exceeded".equals(code)
                || (message != null && message.toLowerCase(Locale.ROOT).contains("maximum context length"));
        return new OpenAiErrorBody(code != null ? code : type, tooLong);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }
}
