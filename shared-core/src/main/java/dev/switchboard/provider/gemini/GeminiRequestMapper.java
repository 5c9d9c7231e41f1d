package dev.switchboard.provider.gemini;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.JsonText;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The unified request as a Gemini GenerateContentRequest body. The same body serves both
 * generateContent and streamGenerateContent: Gemini says "stream" in the URL, not the body.
 *
 * <p>Gemini has one systemInstruction, so every system turn goes there, in order. Assistant turns
 * are role "model". Gemini answers a function call by the function's name, not by a call id: a tool
 * turn becomes a functionResponse named after the call with that id in an earlier assistant turn,
 * and consecutive tool turns share one "user" turn, as Gemini expects for parallel calls.
 *
 * <p>A tool's parameters go as parametersJsonSchema, which takes full JSON Schema, not as parameters,
 * whose OpenAPI subset refuses keywords OpenAI clients commonly send (additionalProperties, $schema).
 *
 * <p>The request's end-user identifier is not sent: generateContent has no field for one.
 *
 * @throws IllegalArgumentException from {@link #body} when the request cannot be said in Gemini's
 *                                  terms (a tool result for an unknown call, arguments or
 *                                  parameters that are not JSON, no turn with content): the caller's
 *                                  fault, never retried
 */
public final class GeminiRequestMapper {

    /** Keywords that, with no properties beside them, still admit no argument at all. */
    private static final Set<String> NO_PARAMETER_KEYWORDS = Set.of("type", "properties", "required", "$schema",
            "title", "description", "additionalProperties");

    private final JsonMapper json;

    /** The image types of the unified model that Gemini reads (it also reads HEIC and HEIF, which callers cannot send). */
    static final Set<String> INLINE_IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");

    public GeminiRequestMapper(JsonMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    public byte[] body(ChatRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> system = new ArrayList<>();
        List<Map<String, Object>> contents = new ArrayList<>();
        List<ChatMessage> messages = request.messages();
        boolean afterDropped = false;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            switch (message.role()) {
                case "system" -> system.addAll(textPart(message.content()));
                case "user" -> afterDropped = add(contents, "user", userParts(message), afterDropped);
                case "assistant" -> afterDropped = add(contents, "model", modelParts(message, request.model()),
                        afterDropped);
                default -> {
                    // Results of parallel calls share one turn; after a dropped turn, a result joins the
                    // user turn before it, as a user turn would.
                    boolean afterTool = i > 0 && messages.get(i - 1).role().equals("tool");
                    toolResult(contents, functionResponse(message, messages.subList(0, i)),
                            afterTool || (afterDropped && lastIsUser(contents)));
                    afterDropped = false;
                }
            }
        }
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("Gemini needs at least one user or assistant turn with content");
        }
        if (!system.isEmpty()) {
            body.put("systemInstruction", Map.of("parts", system));
        }
        body.put("contents", contents);
        if (!request.tools().isEmpty()) {
            if (request.toolChoice().limitsCalls()) {
                // Gemini has no word for one call at a time and may answer with several.
                throw new IllegalArgumentException("Gemini cannot be held to one function call at a time");
            }
            body.put("tools", List.of(Map.of("functionDeclarations", request.tools().stream().map(this::declaration).toList())));
            toolConfig(request.toolChoice(), asksValidated(request))
                    .ifPresent(config -> body.put("toolConfig", config));
        }
        body.put("generationConfig", GeminiGenerationConfig.of(request, this::readSingle));
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the request goes with the VALIDATED function-calling mode: tools offered, one of them strict,
     * and the choice AUTO. VALIDATED holds calls to their schemas while still letting the model answer in
     * text; ANY (a required or named call) holds them already, and NONE makes none.
     */
    static boolean asksValidated(ChatRequest request) {
        return !request.tools().isEmpty() && request.toolChoice().mode() == ToolChoice.Mode.AUTO
                && request.offersStrictTool();
    }

    /**
     * Gemini's function-calling mode: NONE, or ANY (at least one call), limited to the one function named;
     * nothing for AUTO, its default, unless {@code validated} (see asksValidated).
     */
    private static Optional<Map<String, Object>> toolConfig(ToolChoice choice, boolean validated) {
        return switch (choice.mode()) {
            case AUTO -> validated ? Optional.of(Map.of("functionCallingConfig", Map.of("mode", "VALIDATED")))
                    : Optional.empty();
            case NONE -> Optional.of(Map.of("functionCallingConfig", Map.of("mode", "NONE")));
            case REQUIRED -> Optional.of(Map.of("functionCallingConfig", Map.of("mode", "ANY")));
            case FUNCTION -> Optional.of(Map.of("functionCallingConfig",
                    Map.of("mode", "ANY", "allowedFunctionNames", List.of(choice.function()))));
        };
    }

    /**
     * A user turn's parts: its text, or its text, images, PDF files and audio clips in order, each besides the
     * text as inline data. An image by address cannot be sent (Gemini's file_data wants a file it stores), nor a GIF, which
     * Gemini does not read.
     */
    private static List<Map<String, Object>> userParts(ChatMessage message) {
        if (!message.hasParts()) {
            return textPart(message.content());
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        for (MessagePart part : message.parts()) {
            if (part instanceof MessagePart.Text text) {
                parts.addAll(textPart(text.text()));
            } else if (part instanceof MessagePart.Image image) {
                ImageInput input = image.image();
                if (!input.isInline()) {
                    throw new IllegalArgumentException("Gemini takes images inline only (a data: URL), not by address");
                }
                if (!INLINE_IMAGE_TYPES.contains(input.mediaType())) {
                    throw new IllegalArgumentException("Gemini takes PNG, JPEG and WebP images, not " + input.mediaType());
                }
                parts.add(Map.of("inlineData", Map.of("mimeType", input.mediaType(), "data", input.base64Data())));
            } else if (part instanceof MessagePart.Document document) {
                parts.add(Map.of("inlineData", Map.of("mimeType", DocumentInput.MEDIA_TYPE,
                        "data", document.document().base64Data())));
            } else if (part instanceof MessagePart.Audio audio) {
                parts.add(Map.of("inlineData", Map.of("mimeType", audio.audio().format().mediaType(),
                        "data", audio.audio().base64Data())));
            }
        }
        return parts;
    }

    /** A text part, or none for blank text: Gemini refuses empty text parts. */
    private static List<Map<String, Object>> textPart(String text) {
        return text.isBlank() ? List.of() : List.of(Map.of("text", text));
    }

    /**
     * Adds a turn. A turn with no parts (blank text, such as an empty answer the gateway gave earlier) is
     * dropped, and the next turn joins the one before it when both have the same role, so that dropping
     * it does not put two turns of one role side by side where the conversation alternated.
     *
     * @return whether this turn was dropped
     */
    private static boolean add(List<Map<String, Object>> contents, String role, List<Map<String, Object>> parts,
                               boolean afterDropped) {
        if (parts.isEmpty()) {
            return true;
        }
        if (afterDropped && !contents.isEmpty() && role.equals(contents.get(contents.size() - 1).get("role"))) {
            partsOf(contents.get(contents.size() - 1)).addAll(parts);
        } else {
            contents.add(content(role, parts));
        }
        return false;
    }

    private static boolean lastIsUser(List<Map<String, Object>> contents) {
        return !contents.isEmpty() && "user".equals(contents.get(contents.size() - 1).get("role"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> partsOf(Map<String, Object> content) {
        return (List<Map<String, Object>>) content.get("parts");
    }

    private static Map<String, Object> content(String role, List<Map<String, Object>> parts) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("role", role);
        content.put("parts", new ArrayList<>(parts));
        return content;
    }

    /**
     * An assistant turn as a model turn. Its calls go back with the thoughtSignature Gemini gave them; a turn none of
     * whose calls has one (made by another provider, or passed through a client that dropped it) gets Google's
     * documented stand-in on its first call when the model is one that refuses a call without a signature
     * (see {@link GeminiThoughtSignatures}).
     */
    private List<Map<String, Object>> modelParts(ChatMessage message, String model) {
        List<Map<String, Object>> parts = new ArrayList<>();
        // A turn that only calls tools has no text, and an empty answer none at all: no empty text part.
        parts.addAll(textPart(message.content()));
        boolean unsigned = message.toolCalls().stream().allMatch(call -> call.signature() == null);
        for (int i = 0; i < message.toolCalls().size(); i++) {
            ToolCall call = message.toolCalls().get(i);
            Map<String, Object> functionCall = new LinkedHashMap<>();
            functionCall.put("name", call.name());
            functionCall.put("args", arguments(call));
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("functionCall", functionCall);
            String signature = call.signature();
            if (signature == null && unsigned && i == 0 && GeminiThoughtSignatures.required(model)) {
                signature = GeminiThoughtSignatures.SKIP_VALIDATOR;
            }
            if (signature != null) {
                part.put("thoughtSignature", signature);
            }
            parts.add(part);
        }
        return parts;
    }

    private JsonNode arguments(ToolCall call) {
        if (call.argumentsJson().isBlank()) {
            return JsonNode.createObjectNode(Map.of());
        }
        JsonNode args = readSingle(call.argumentsJson());
        if (args == null || !args.isObject()) {
            throw new IllegalArgumentException("tool call " + call.name() + " has arguments that are not a JSON object");
        }
        return args;
    }

    private static void toolResult(List<Map<String, Object>> contents, Map<String, Object> part, boolean joinPrevious) {
        if (joinPrevious) {
            partsOf(contents.get(contents.size() - 1)).add(part);
        } else {
            contents.add(content("user", List.of(part)));
        }
    }

    private Map<String, Object> functionResponse(ChatMessage tool, List<ChatMessage> earlier) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("name", calledName(tool.toolCallId(), earlier));
        JsonNode parsed = readSingle(tool.content());
        // Gemini takes a function's response as a JSON object: any other result is wrapped in one.
        response.put("response", parsed != null && parsed.isObject() ? parsed
                : Map.of("content", tool.content()));
        return Map.of("functionResponse", response);
    }

    /** The name of the function the call with this id called: the latest earlier assistant turn that made it. */
    private static String calledName(String callId, List<ChatMessage> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            for (ToolCall call : earlier.get(i).toolCalls()) {
                if (call.id().equals(callId)) {
                    return call.name();
                }
            }
        }
        throw new IllegalArgumentException("a tool result answers a call that no earlier assistant turn made");
    }

    private Map<String, Object> declaration(ToolDefinition tool) {
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("name", tool.name());
        if (tool.description() != null) {
            declaration.put("description", tool.description());
        }
        JsonNode parameters = readSingle(tool.parametersJson());
        if (parameters == null || !parameters.isObject()) {
            throw new IllegalArgumentException("tool " + tool.name() + " has parameters that are not a JSON object");
        }
        // A function without parameters leaves the schema out, the form Gemini documents for one.
        if (!describesNoParameters(parameters)) {
            declaration.put("parametersJsonSchema", parameters);
        }
        return declaration;
    }

    /**
     * An object schema with no properties and nothing else that could admit one (additionalProperties
     * other than false, patternProperties, a $ref, anyOf...): it says the function takes no arguments.
     */
    private static boolean describesNoParameters(JsonNode schema) {
        JsonNode type = schema.get("type");
        JsonNode properties = schema.get("properties");
        JsonNode required = schema.get("required");
        JsonNode additional = schema.get("additionalProperties");
        boolean objectType = type == null || (type.isString() && type.getStringValue().equalsIgnoreCase("object"));
        boolean noProperties = properties == null || properties.isNull() || (properties.isObject() && properties.size() == 0);
        boolean noneRequired = required == null || (required.isArray() && required.size() == 0);
        boolean closed = additional == null || (additional.isBoolean() && !additional.getBooleanValue());
        boolean onlyThose = true;
        for (Map.Entry<String, JsonNode> keyword : schema.entries()) {
            onlyThose &= NO_PARAMETER_KEYWORDS.contains(keyword.getKey());
        }
        return objectType && noProperties && noneRequired && closed && onlyThose;
    }

    /** The JSON value the text holds, or null when it is not exactly one JSON value. */
    private JsonNode readSingle(String text) {
        if (!JsonText.isSingleValue(text)) {
            return null;
        }
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
