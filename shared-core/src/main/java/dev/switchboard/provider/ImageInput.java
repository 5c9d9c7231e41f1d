package dev.switchboard.provider;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An image in a user turn, as OpenAI's {@code image_url} part gives it: either inline (a {@code data:} URL,
 * kept as its media type and base64 text) or an address the provider fetches itself. OpenAI and Anthropic
 * take both; Gemini and Bedrock's Converse take inline images only, so an image by address skips their
 * deployments (the gateway never fetches a caller's URL itself).
 *
 * @param mediaType  image/png, image/jpeg, image/gif or image/webp when inline; null for an address
 * @param base64Data the image's bytes in standard base64 when inline; null for an address
 * @param url        the http(s) address when not inline; null otherwise
 * @param detail     OpenAI's detail (low, high, auto), null when the caller gave none
 */
public record ImageInput(String mediaType, String base64Data, String url, String detail) {

    /** What every protocol that takes images inline takes (Anthropic's and Converse's lists; OpenAI's too). */
    public static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    public static final Set<String> DETAILS = Set.of("low", "high", "auto");

    public ImageInput {
        if ((url == null) == (base64Data == null)) {
            throw new IllegalArgumentException("an image is inline or by address, not both or neither");
        }
        if ((base64Data == null) != (mediaType == null)) {
            throw new IllegalArgumentException("an inline image, and only an inline image, has a media type");
        }
        if (mediaType != null && !MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("an inline image must be PNG, JPEG, GIF or WebP");
        }
        if (detail != null && !DETAILS.contains(detail)) {
            throw new IllegalArgumentException("detail must be low, high or auto");
        }
    }

    public static ImageInput inline(String mediaType, String base64Data, String detail) {
        return new ImageInput(mediaType.toLowerCase(Locale.ROOT), Objects.requireNonNull(base64Data), null, detail);
    }

    public static ImageInput byAddress(String url, String detail) {
        return new ImageInput(null, null, Objects.requireNonNull(url), detail);
    }

    public boolean isInline() {
        return base64Data != null;
    }

    /** The image as OpenAI's url field says it: the address, or a data URL of the inline bytes. */
    public String openAiUrl() {
        return isInline() ? "data:" + mediaType + ";base64," + base64Data : url;
    }

    /** The inline image's bytes. */
    public byte[] bytes() {
        if (!isInline()) {
            throw new IllegalStateException("an image by address has no bytes here");
        }
        return InlineData.bytes(base64Data);
    }

    /** How many bytes an inline image's padded base64 holds, without decoding it. */
    public long byteCount() {
        return InlineData.byteCount(base64Data);
    }

    /** The header of an inline image (its format and size), read from its first bytes; empty for an address. */
    public Optional<ImageHeader> header() {
        if (!isInline()) {
            return Optional.empty();
        }
        return ImageHeader.read(InlineData.leadingBytes(base64Data, ImageHeader.LEADING_BYTES));
    }

    /** The longer side of an inline image in pixels, from its header; 0 when not known (an address, say). */
    public int longestSide() {
        return header().filter(ImageHeader::sized).map(h -> Math.max(h.width(), h.height())).orElse(0);
    }

    /** The media type's subtype (png, jpeg, gif, webp), as Converse names its formats. */
    public String format() {
        return mediaType == null ? null : mediaType.substring("image/".length());
    }

    /** The shape only: an image is the caller's prompt, and an address may carry a signed token. */
    @Override
    public String toString() {
        return isInline() ? "ImageInput[inline " + mediaType + ", " + base64Data.length() + " base64 chars]"
                : "ImageInput[by address]";
    }
}
