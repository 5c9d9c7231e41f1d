package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One turn of a conversation in the unified model. Role is system, user, assistant or tool; an
 * assistant turn may carry the tool calls it asked for, and a tool turn names the call it answers.
 * A user turn with images, files or audio keeps its text and those in order as {@code parts}, and
 * {@code content} is then its text parts joined; a turn of text alone has no parts, only its content.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId,
                          List<MessagePart> parts) {

    public static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of system, user, assistant, tool: " + role);
        }
        toolCalls = List.copyOf(toolCalls);
        parts = List.copyOf(parts);
        if (!toolCalls.isEmpty() && !role.equals("assistant")) {
            throw new IllegalArgumentException("only an assistant turn carries tool calls");
        }
        if (role.equals("tool") != (toolCallId != null)) {
            throw new IllegalArgumentException("a tool turn, and only a tool turn, names the call it answers");
        }
        if (!parts.isEmpty()) {
            if (!role.equals("user")) {
                throw new IllegalArgumentException("only a user turn carries images, files and audio");
            }
            if (parts.stream().allMatch(MessagePart.Text.class::isInstance)) {
                throw new IllegalArgumentException("a turn of text alone is its content, without parts");
            }
            if (!content.equals(textOf(parts))) {
                throw new IllegalArgumentException("a turn's content is the text of its parts");
            }
        }
    }

    /** A turn of text alone (no images or files). */
    public ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
        this(role, content, toolCalls, toolCallId, List.of());
    }

    /** A plain text turn. */
    public ChatMessage(String role, String content) {
        this(role, content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** A user turn of text, images, files and audio in this order; at least one part is not text. */
    public static ChatMessage userWithParts(List<MessagePart> parts) {
        return new ChatMessage("user", textOf(parts), List.of(), null, parts);
    }

    /** Whether the turn holds images, files or audio besides its text (its parts then say it all, in order). */
    public boolean hasParts() {
        return !parts.isEmpty();
    }

    public boolean hasImages() {
        return !parts.isEmpty() && parts.stream().anyMatch(MessagePart.Image.class::isInstance);
    }

    /** The turn's files, in order; none for most turns. */
    public List<DocumentInput> documents() {
        return partsOf(MessagePart.Document.class, MessagePart.Document::document);
    }

    /** The turn's audio clips, in order; none for most turns. */
    public List<AudioInput> audio() {
        return partsOf(MessagePart.Audio.class, MessagePart.Audio::audio);
    }

    /** The turn's images, in order; none for a turn of text alone. */
    public List<ImageInput> images() {
        return partsOf(MessagePart.Image.class, MessagePart.Image::image);
    }

    /** What the turn's parts of one kind hold, in order. */
    private <P extends MessagePart, T> List<T> partsOf(Class<P> kind, Function<P, T> content) {
        // Asked of every turn of every request: a turn of text alone answers without a stream.
        if (parts.isEmpty()) {
            return List.of();
        }
        return parts.stream().filter(kind::isInstance).map(kind::cast).map(content).toList();
    }

    private static String textOf(List<MessagePart> parts) {
        return parts.stream().filter(MessagePart.Text.class::isInstance)
                .map(part -> ((MessagePart.Text) part).text()).collect(Collectors.joining());
    }

    /** The shape only: the content is the caller's prompt. */
    @Override
    public String toString() {
        return "ChatMessage[role=" + role + ", " + content.length() + " chars, " + toolCalls.size() + " tool calls, "
                + images().size() + " images, " + documents().size() + " files, " + audio().size() + " audio clips]";
    }
}
