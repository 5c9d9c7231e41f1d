package dev.switchboard.provider.anthropic;

import dev.switchboard.cost.DocumentTokenEstimate;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.JsonText;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unified conversation (system turns aside) as Anthropic's messages list. Anthropic knows only
 * user and assistant turns, in alternation: a tool answer is a tool_result block in a user turn,
 * and consecutive turns of one role are merged into one turn with all their blocks, which is also
 * how Anthropic wants the results of parallel tool calls (together, in the next user turn).
 */
final class AnthropicTurns {

    private final JsonMapper json;

    AnthropicTurns(JsonMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    /** Anthropic's documented limits: an image of at most 5 MB, and 8000 pixels a side (2000 past 20 images). */
    static final int MAX_IMAGE_BASE64_CHARS = 5 * 1024 * 1024;
    static final int MAX_SIDE = 8000;
    static final int MAX_SIDE_MANY = 2000;
    static final int MANY_IMAGES = 20;
    /** And at most 100 pages of PDF in a request (each file's as the gateway's token estimate counts them). */
    static final int MAX_PAGES = 100;

    /**
     * @throws IllegalArgumentException when no turn is left to send, a tool call's arguments are not a JSON
     *                                  object, or an image is beyond Anthropic's limits
     */
    List<Map<String, Object>> of(List<ChatMessage> messages) {
        requireAttachmentsWithinLimits(messages);
        List<Map<String, Object>> turns = new ArrayList<>();
        String lastRole = null;
        List<Map<String, Object>> lastBlocks = null;
        for (ChatMessage message : messages) {
            if (message.role().equals("system")) {
                continue;
            }
            List<Map<String, Object>> blocks = blocks(message);
            // Anthropic refuses a turn without content; an empty unified turn carries nothing to send,
            // and skipping it before merging keeps its neighbours in alternation.
            if (blocks.isEmpty()) {
                continue;
            }
            String role = message.role().equals("assistant") ? "assistant" : "user";
            if (!role.equals(lastRole)) {
                lastRole = role;
                lastBlocks = new ArrayList<>();
                turns.add(Map.of("role", role, "content", lastBlocks));
            }
            lastBlocks.addAll(blocks);
        }
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("Anthropic needs at least one user or assistant turn besides the system prompt");
        }
        return turns;
    }

    private List<Map<String, Object>> blocks(ChatMessage message) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (message.role().equals("tool")) {
            blocks.add(Map.of("type", "tool_result", "tool_use_id", message.toolCallId(), "content", message.content()));
            return blocks;
        }
        if (message.hasParts()) {
            return partBlocks(message);
        }
        // Anthropic refuses text blocks that are empty or only white space, such as the empty text of a
        // turn that only calls tools, or of an empty answer the gateway itself returned earlier.
        if (!message.content().isBlank()) {
            blocks.add(Map.of("type", "text", "text", message.content()));
        }
        for (ToolCall call : message.toolCalls()) {
            Map<String, Object> use = new LinkedHashMap<>();
            use.put("type", "tool_use");
            use.put("id", call.id());
            use.put("name", call.name());
            use.put("input", input(call));
            blocks.add(use);
        }
        return blocks;
    }

    private static void requireAttachmentsWithinLimits(List<ChatMessage> messages) {
        long pages = messages.stream().flatMap(m -> m.documents().stream()).mapToLong(DocumentTokenEstimate::pages)
                .sum();
        if (pages > MAX_PAGES) {
            throw new IllegalArgumentException("Anthropic takes at most " + MAX_PAGES + " pages of PDF in a request");
        }
        List<ImageInput> images = messages.stream().flatMap(m -> m.images().stream()).toList();
        int maxSide = images.size() > MANY_IMAGES ? MAX_SIDE_MANY : MAX_SIDE;
        for (ImageInput image : images) {
            if (image.isInline() && image.base64Data().length() > MAX_IMAGE_BASE64_CHARS) {
                throw new IllegalArgumentException("Anthropic takes images of at most 5 MB");
            }
            if (image.longestSide() > maxSide) {
                throw new IllegalArgumentException("Anthropic takes images of at most " + maxSide + " pixels a side"
                        + (maxSide == MAX_SIDE_MANY ? " in a request of more than " + MANY_IMAGES + " images" : ""));
            }
        }
    }

    /**
     * A user turn's text, images and files in order: inline images as base64 sources, addresses as url
     * sources, PDF files as document blocks (Anthropic takes no file name).
     */
    private static List<Map<String, Object>> partBlocks(ChatMessage message) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (MessagePart part : message.parts()) {
            if (part instanceof MessagePart.Text text && !text.text().isBlank()) {
                blocks.add(Map.of("type", "text", "text", text.text()));
            } else if (part instanceof MessagePart.Image image) {
                ImageInput input = image.image();
                Map<String, Object> source = input.isInline()
                        ? Map.of("type", "base64", "media_type", input.mediaType(), "data", input.base64Data())
                        : Map.of("type", "url", "url", input.url());
                blocks.add(Map.of("type", "image", "source", source));
            } else if (part instanceof MessagePart.Document document) {
                blocks.add(Map.of("type", "document", "source", Map.of("type", "base64", "media_type",
                        DocumentInput.MEDIA_TYPE, "data", document.document().base64Data())));
            } else if (part instanceof MessagePart.Audio) {
                // Routing offers audio only to deployments with the audio capability, which Anthropic's cannot have.
                throw new IllegalArgumentException("Anthropic's Messages API takes no audio");
            }
        }
        return blocks;
    }

    /** Anthropic takes a call's arguments as a JSON object, not as text; no arguments are an empty object. */
    private Object input(ToolCall call) {
        if (call.argumentsJson().isBlank()) {
            return Map.of();
        }
        try {
            if (JsonText.isSingleValue(call.argumentsJson())) {
                JsonNode input = json.readValue(call.argumentsJson(), JsonNode.class);
                if (input != null && input.isObject()) {
                    return input;
                }
            }
        } catch (IOException | RuntimeException e) {
            // refused below
        }
        throw new IllegalArgumentException("tool call " + call.id() + " has arguments that are not a JSON object");
    }
}
