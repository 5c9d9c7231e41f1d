package dev.switchboard.api;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.JsonText;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The messages and tools of a Chat Completions body, each error a 400 naming the exact field. */
final class ChatMessagesParser {

    static final int MAX_MESSAGES = 1_000;
    static final int MAX_TOOLS = 128;
    /** Anthropic's limit per request; OpenAI's is higher, Converse's lower (those deployments are skipped). */
    static final int MAX_IMAGES = 100;
    /** Files are larger than images and read page by page; the body's size bounds them first in practice. */
    static final int MAX_FILES = 20;
    /** As many clips as files: each is a file too, bounded first by the body's size in practice. */
    static final int MAX_AUDIO = 20;
    /** A thought signature's length at most: Gemini's are base64 of a few hundred to a few thousand bytes. */
    static final int MAX_SIGNATURE_CHARS = 65_536;
    /** The parts only a user turn may hold, as an error names them. */
    private static final Map<String, String> ATTACHMENT_NAMES = Map.of("image_url", "an image", "file", "a file",
            "input_audio", "an audio clip");

    private final JsonMapper mapper;

    ChatMessagesParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    List<ChatMessage> messages(JsonNode node, int maxChars) {
        if (node == null) {
            throw new InvalidRequestException("messages", "'messages' is required");
        }
        if (!node.isArray() || node.size() == 0 || node.size() > MAX_MESSAGES) {
            throw new InvalidRequestException("messages", "'messages' must be an array of 1 to " + MAX_MESSAGES
                    + " messages");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        long chars = 0;
        int images = 0;
        int files = 0;
        int clips = 0;
        for (int i = 0; i < node.size(); i++) {
            ChatMessage message = message(node.get(i), "messages[" + i + "]");
            chars += message.content().length();
            if (chars > maxChars) {
                throw new InvalidRequestException("messages", "the messages' text must be at most " + maxChars
                        + " characters in all");
            }
            images += message.images().size();
            if (images > MAX_IMAGES) {
                throw new InvalidRequestException("messages", "the messages may hold at most " + MAX_IMAGES
                        + " images in all");
            }
            files += message.documents().size();
            if (files > MAX_FILES) {
                throw new InvalidRequestException("messages", "the messages may hold at most " + MAX_FILES
                        + " files in all");
            }
            clips += message.audio().size();
            if (clips > MAX_AUDIO) {
                throw new InvalidRequestException("messages", "the messages may hold at most " + MAX_AUDIO
                        + " audio clips in all");
            }
            messages.add(message);
        }
        if (messages.stream().noneMatch(m -> m.role().equals("user"))) {
            throw new InvalidRequestException("messages", "'messages' needs at least one user message");
        }
        // Anthropic, Gemini and Converse refuse blank text, so the adapters leave blank turns out; a blank
        // last question would leave the conversation ending on the model's own answer, which some models
        // would then continue as if it were a prefill instead of answering.
        // System turns are lifted out and blank answers dropped, so the turn that ends the conversation as
        // sent is the last other one.
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.role().equals("system") || (m.role().equals("assistant") && m.content().isBlank()
                    && m.toolCalls().isEmpty())) {
                continue;
            }
            if (m.role().equals("user") && m.content().isBlank() && !m.hasParts()) {
                String path = "messages[" + i + "].content";
                throw new InvalidRequestException(path, "'" + path + "' must not be blank: it is the question to answer");
            }
            break;
        }
        return messages;
    }

    private ChatMessage message(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidRequestException(path, "'" + path + "' must be an object");
        }
        String role = string(node.get("role"), path + ".role");
        if (role.equals("developer")) {
            // OpenAI's newer name for the system turn; every provider we call knows it as system.
            role = "system";
        }
        if (!ChatMessage.ROLES.contains(role)) {
            throw new InvalidRequestException(path + ".role", "'" + path + ".role' must be one of system, developer, "
                    + "user, assistant, tool");
        }
        List<ToolCall> calls = role.equals("assistant") ? toolCalls(node.get("tool_calls"), path + ".tool_calls")
                : List.of();
        Content content = content(node.get("content"), path + ".content", !calls.isEmpty(), role.equals("user"));
        if (!content.parts().isEmpty()) {
            return ChatMessage.userWithParts(content.parts());
        }
        String toolCallId = null;
        if (role.equals("tool")) {
            toolCallId = string(node.get("tool_call_id"), path + ".tool_call_id");
        }
        return new ChatMessage(role, content.text(), calls, toolCallId);
    }

    /** A turn's text, and its parts in order when it holds images, files or audio (none otherwise). */
    private record Content(String text, List<MessagePart> parts) {
    }

    /**
     * A string, or an array of text parts and, in a user turn, image, file and audio parts; null only where
     * tool calls stand in for text.
     */
    private static Content content(JsonNode node, String path, boolean mayBeEmpty, boolean mayHoldAttachments) {
        if (node == null || node.isNull()) {
            if (mayBeEmpty) {
                return new Content("", List.of());
            }
            throw new InvalidRequestException(path, "'" + path + "' is required");
        }
        if (node.isString()) {
            return new Content(node.getStringValue(), List.of());
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(path, "'" + path + "' must be a string or an array of content parts");
        }
        StringBuilder text = new StringBuilder();
        List<MessagePart> parts = new ArrayList<>(node.size());
        boolean attached = false;
        for (int i = 0; i < node.size(); i++) {
            JsonNode part = node.get(i);
            String partPath = path + "[" + i + "]";
            JsonNode type = part.isObject() ? part.get("type") : null;
            String kind = type != null && type.isString() ? type.getStringValue() : "";
            if (kind.equals("text")) {
                String piece = string(part.get("text"), partPath + ".text");
                text.append(piece);
                parts.add(new MessagePart.Text(piece));
            } else if (ATTACHMENT_NAMES.containsKey(kind) && !mayHoldAttachments) {
                throw new InvalidRequestException(partPath, "'" + partPath + "' is " + ATTACHMENT_NAMES.get(kind)
                        + ": only a user turn may hold images, files and audio");
            } else if (kind.equals("image_url")) {
                parts.add(new MessagePart.Image(ImagePartParser.image(part, partPath)));
                attached = true;
            } else if (kind.equals("file")) {
                parts.add(new MessagePart.Document(FilePartParser.document(part, partPath)));
                attached = true;
            } else if (kind.equals("input_audio")) {
                parts.add(new MessagePart.Audio(AudioPartParser.audio(part, partPath)));
                attached = true;
            } else {
                throw new InvalidRequestException(partPath, "'" + partPath + "' must be a text, image_url, file or "
                        + "input_audio part");
            }
        }
        return new Content(text.toString(), attached ? parts : List.of());
    }

    private static List<ToolCall> toolCalls(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(path, "'" + path + "' must be an array");
        }
        List<ToolCall> calls = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String callPath = path + "[" + i + "]";
            JsonNode call = node.get(i);
            JsonNode function = call.isObject() ? call.get("function") : null;
            if (function == null || !function.isObject()) {
                throw new InvalidRequestException(callPath + ".function", "'" + callPath + ".function' is required");
            }
            String arguments = arguments(function.get("arguments"), callPath + ".function.arguments");
            if (!JsonText.isSingleValue(arguments)) {
                throw new InvalidRequestException(callPath + ".function.arguments",
                        "'" + callPath + ".function.arguments' must be JSON text");
            }
            calls.add(new ToolCall(string(call.get("id"), callPath + ".id"),
                    string(function.get("name"), callPath + ".function.name"), arguments,
                    signature(call.get("extra_content"), callPath + ".extra_content")));
        }
        return calls;
    }

    List<ToolDefinition> tools(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_TOOLS) {
            throw new InvalidRequestException("tools", "'tools' must be an array of at most " + MAX_TOOLS + " tools");
        }
        List<ToolDefinition> tools = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String path = "tools[" + i + "]";
            JsonNode tool = node.get(i);
            JsonNode type = tool.isObject() ? tool.get("type") : null;
            if (type == null || !type.isString() || !type.getStringValue().equals("function")) {
                throw new InvalidRequestException(path + ".type", "'" + path + ".type' must be \"function\"");
            }
            JsonNode function = tool.get("function");
            if (function == null || !function.isObject()) {
                throw new InvalidRequestException(path + ".function", "'" + path + ".function' is required");
            }
            JsonNode strict = function.get("strict");
            if (strict != null && !strict.isNull() && !strict.isBoolean()) {
                throw new InvalidRequestException(path + ".function.strict",
                        "'" + path + ".function.strict' must be true, false or null");
            }
            JsonNode description = function.get("description");
            JsonNode parameters = function.get("parameters");
            if (parameters != null && !parameters.isObject()) {
                throw new InvalidRequestException(path + ".function.parameters",
                        "'" + path + ".function.parameters' must be a JSON Schema object");
            }
            tools.add(new ToolDefinition(string(function.get("name"), path + ".function.name"),
                    description != null && description.isString() ? description.getStringValue() : null,
                    parameters == null ? "{\"type\":\"object\",\"properties\":{}}" : write(parameters),
                    strict != null && strict.isBoolean() && strict.getBooleanValue()));
        }
        return tools;
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new InvalidRequestException("tools", "'tools' holds a schema that cannot be written back as JSON");
        }
    }

    /**
     * The thought signature a call carries back in {@code extra_content.google.thought_signature} (as the gateway's
     * answers give it, and Google's OpenAI-compatible endpoint), or null. Anything else in extra_content is ignored.
     */
    private static String signature(JsonNode extra, String path) {
        JsonNode google = extra != null && extra.isObject() ? extra.get("google") : null;
        JsonNode signature = google != null && google.isObject() ? google.get("thought_signature") : null;
        if (signature == null || signature.isNull()) {
            return null;
        }
        String field = path + ".google.thought_signature";
        if (!signature.isString() || signature.getStringValue().isBlank()
                || signature.getStringValue().length() > MAX_SIGNATURE_CHARS) {
            throw new InvalidRequestException(field, "'" + field + "' must be the non-blank string an answer gave, "
                    + "at most " + MAX_SIGNATURE_CHARS + " characters");
        }
        return signature.getStringValue();
    }

    /**
     * A call's arguments as JSON text; blank text is a call without arguments ("{}"), which is how OpenAI-compatible
     * servers (and so answers passed on from them) write a call to a tool that takes none.
     */
    private static String arguments(JsonNode node, String path) {
        if (node != null && node.isString() && node.getStringValue().isBlank()) {
            return "{}";
        }
        return string(node, path);
    }

    private static String string(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new InvalidRequestException(path, "'" + path + "' is required");
        }
        if (!node.isString() || node.getStringValue().isBlank()) {
            throw new InvalidRequestException(path, "'" + path + "' must be a non-blank string");
        }
        return node.getStringValue();
    }
}
