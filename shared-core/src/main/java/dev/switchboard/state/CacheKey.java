package dev.switchboard.state;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The response cache's key: the lowercase hex SHA-256 of a request's canonical encoding. Two requests
 * that would get the same answer should share a key; two that could get different answers must not.
 *
 * <p>The encoding is unambiguous: a version tag, then every field in a fixed order, each string as
 * its UTF-8 byte length followed by the bytes, each list as its size followed by its elements, each
 * optional value behind a presence byte. So ["ab", "c"] and ["a", "bc"] hash differently, and no
 * text in one field can pass for another field.
 *
 * <p>What is normalised, and why: in message content only, line endings (CRLF and lone CR become LF,
 * since clients differ by platform and no model reads them differently) and whitespace at the very
 * end (editors and forms add trailing newlines and spaces that carry no meaning), and -0.0 as a
 * temperature. Nothing else: case, inner and leading whitespace can change an answer (code, poems,
 * tables), and tool-call ids, tool descriptions and parameter schemas are hashed exactly as given.
 *
 * @param value 64 lowercase hex digits
 */
public record CacheKey(String value) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Changes whenever the encoding below changes, so old entries simply stop matching. */
    private static final String VERSION = "switchboard-cache-key-v1";
    /**
     * The encoding of a request with images or files: each message's parts follow it. A request of text
     * alone keeps the first encoding, so entries written before images were taken still match.
     */
    private static final String VERSION_WITH_PARTS = "switchboard-cache-key-v2";

    public CacheKey {
        Objects.requireNonNull(value, "value");
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("a cache key is 64 lowercase hex digits");
        }
    }

    /**
     * The key of a request.
     *
     * @param route       what chose the model, e.g. "model:gpt-4o" or "auto:complexity"
     * @param messages    the conversation, in order
     * @param maxTokens   the output cap, or null when none was asked for
     * @param temperature the sampling temperature, or null when the provider's default applies
     * @param tools       the tools offered, in order; null is the same as none
     */
    public static CacheKey of(String route, List<ChatMessage> messages, Integer maxTokens, Double temperature,
                              List<ToolDefinition> tools) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(messages, "messages");
        Encoder out = new Encoder();
        boolean withParts = messages.stream().anyMatch(ChatMessage::hasParts);
        out.text(withParts ? VERSION_WITH_PARTS : VERSION);
        out.text(route);
        out.count(messages.size());
        for (ChatMessage message : messages) {
            out.text(message.role());
            out.text(normalisedContent(message.content()));
            out.count(message.toolCalls().size());
            for (ToolCall call : message.toolCalls()) {
                out.text(call.id());
                out.text(call.name());
                out.text(call.argumentsJson());
            }
            out.optionalText(message.toolCallId());
            if (!withParts) {
                continue;
            }
            // A turn with images, files or audio: its parts in order, each by its bytes' base64 (an image maybe its address).
            out.count(message.parts().size());
            for (MessagePart part : message.parts()) {
                if (part instanceof MessagePart.Text text) {
                    out.text("text");
                    out.text(normalisedContent(text.text()));
                } else if (part instanceof MessagePart.Image image) {
                    out.text("image");
                    out.optionalText(image.image().mediaType());
                    out.optionalText(image.image().base64Data());
                    out.optionalText(image.image().url());
                    out.optionalText(image.image().detail());
                } else if (part instanceof MessagePart.Document document) {
                    out.text("file");
                    out.optionalText(document.document().filename());
                    out.text(document.document().base64Data());
                } else if (part instanceof MessagePart.Audio audio) {
                    out.text("audio");
                    out.text(audio.audio().format().wireName());
                    out.text(audio.audio().base64Data());
                }
            }
        }
        out.present(maxTokens != null);
        if (maxTokens != null) {
            out.number(maxTokens);
        }
        out.present(temperature != null);
        if (temperature != null) {
            out.number(Double.doubleToLongBits(temperature == 0.0 ? 0.0 : temperature));
        }
        List<ToolDefinition> offered = tools == null ? List.of() : tools;
        out.count(offered.size());
        for (ToolDefinition tool : offered) {
            out.text(tool.name());
            out.optionalText(tool.description());
            out.text(tool.parametersJson());
        }
        return new CacheKey(HexFormat.of().formatHex(out.digest.digest()));
    }

    static String normalisedContent(String content) {
        return content.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    /** Feeds length-prefixed fields straight into the digest. */
    private static final class Encoder {

        private final MessageDigest digest;

        Encoder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        void text(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            count(bytes.length);
            digest.update(bytes);
        }

        void optionalText(String value) {
            present(value != null);
            if (value != null) {
                text(value);
            }
        }

        void present(boolean present) {
            digest.update((byte) (present ? 1 : 0));
        }

        void count(int count) {
            number(count);
        }

        void number(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                digest.update((byte) (value >>> shift));
            }
        }
    }
}
