package dev.switchboard.provider.gemini;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What one GenerateContentResponse object says: the whole answer of generateContent, or one event
 * of streamGenerateContent. Only the first candidate is read (the gateway asks for one). Parts
 * marked {@code thought} are the model's thinking summaries, not its answer, and are left out.
 *
 * @param calls        function calls in order, {@code id} null where Gemini gave none
 * @param finishReason the first candidate's finishReason, or null while it is still answering
 * @param blockReason  promptFeedback.blockReason when Gemini refused the prompt itself, else null
 * @param usage        usageMetadata, or null
 * @param responseId   the response's responseId (every event of one stream carries the same), or null
 */
record GeminiPiece(String text, List<Call> calls, String finishReason, String blockReason, JsonNode usage,
                   String modelVersion, String responseId) {

    /**
     * A function call as Gemini sent it; its arguments re-serialised as JSON text, and the thoughtSignature of its
     * part, or null (Gemini 3 signs the first call of each step, and refuses that call back without it).
     */
    record Call(String id, String name, String argumentsJson, String signature) {

        /**
         * The call in the unified model. Gemini's API key endpoint rarely gives calls an id, while
         * the unified model answers a call by id: the id made up for it is the call's place in the
         * answer under the answer's {@link #callKey}, so ids never repeat across the turns of one
         * conversation (Anthropic refuses a history whose tool_use ids repeat).
         */
        ToolCall unified(String callKey, int index) {
            return new ToolCall(id != null && !id.isBlank() ? id : "gemini_" + callKey + "_" + index, name, argumentsJson,
                    signature);
        }
    }

    /**
     * What makes up the ids of one answer's calls: 16 hex digits of the SHA-256 of its responseId, so
     * the same answer always gets the same ids, or of a random UUID when Gemini sent no responseId.
     * Hex keeps the ids within every protocol's id alphabet ([A-Za-z0-9_-]) and under OpenAI's 40 characters.
     */
    static String callKey(String responseId) {
        String seed = responseId != null && !responseId.isBlank() ? responseId : UUID.randomUUID().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // Every JDK has SHA-256.
            throw new IllegalStateException(e);
        }
    }

    boolean hasCandidate() {
        return finishReason != null || !text.isEmpty() || !calls.isEmpty();
    }

    static GeminiPiece read(JsonNode root, String provider, JsonMapper json) {
        String block = stringOrNull(root.get("promptFeedback") == null ? null : root.get("promptFeedback").get("blockReason"));
        JsonNode usage = root.get("usageMetadata");
        String model = stringOrNull(root.get("modelVersion"));
        String responseId = stringOrNull(root.get("responseId"));
        JsonNode candidates = root.get("candidates");
        if (candidates == null || candidates.isNull() || (candidates.isArray() && candidates.size() == 0)) {
            return new GeminiPiece("", List.of(), null, block, usage, model, responseId);
        }
        if (!candidates.isArray() || !candidates.get(0).isObject()) {
            throw malformed(provider, "has candidates that are not a list of objects");
        }
        JsonNode candidate = candidates.get(0);
        StringBuilder text = new StringBuilder();
        List<Call> calls = new ArrayList<>();
        for (JsonNode part : parts(candidate.get("content"), provider)) {
            readPart(part, text, calls, provider, json);
        }
        return new GeminiPiece(text.toString(), calls, stringOrNull(candidate.get("finishReason")), block, usage, model,
                responseId);
    }

    private static Iterable<JsonNode> parts(JsonNode content, String provider) {
        // A candidate stopped by a filter may come without content, or with content but no parts.
        if (content == null || content.isNull()) {
            return List.of();
        }
        JsonNode parts = content.isObject() ? content.get("parts") : null;
        if (!content.isObject() || (parts != null && !parts.isNull() && !parts.isArray())) {
            throw malformed(provider, "has a candidate content that is not an object with a list of parts");
        }
        return parts == null || parts.isNull() ? List.of() : parts.values();
    }

    private static void readPart(JsonNode part, StringBuilder text, List<Call> calls, String provider, JsonMapper json) {
        if (!part.isObject()) {
            throw malformed(provider, "has a content part that is not an object");
        }
        JsonNode thought = part.get("thought");
        boolean isThought = thought != null && thought.isBoolean() && thought.getBooleanValue();
        JsonNode partText = part.get("text");
        if (partText != null && partText.isString() && !isThought) {
            text.append(partText.getStringValue());
        }
        JsonNode call = part.get("functionCall");
        if (call != null && !call.isNull()) {
            calls.add(call(call, stringOrNull(part.get("thoughtSignature")), provider, json));
        }
    }

    private static Call call(JsonNode call, String signature, String provider, JsonMapper json) {
        String name = call.isObject() ? stringOrNull(call.get("name")) : null;
        if (name == null || name.isEmpty()) {
            throw malformed(provider, "has a function call without a name");
        }
        JsonNode args = call.get("args");
        String arguments = "{}";
        if (args != null && !args.isNull()) {
            if (!args.isObject()) {
                throw malformed(provider, "has function call arguments that are not an object");
            }
            try {
                arguments = json.writeValueAsString(args);
            } catch (IOException e) {
                throw malformed(provider, "has function call arguments that cannot be written as JSON");
            }
        }
        return new Call(stringOrNull(call.get("id")), name, arguments, signature);
    }

    private static String stringOrNull(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }

    static ProviderException malformed(String provider, String what) {
        return new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                provider + " sent a response that " + what);
    }
}
