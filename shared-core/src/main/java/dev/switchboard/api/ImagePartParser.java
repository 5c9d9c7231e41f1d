package dev.switchboard.api;

import dev.switchboard.provider.ImageHeader;
import dev.switchboard.provider.ImageInput;
import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An {@code image_url} part of a user turn ({@code {"type": "image_url", "image_url": {"url": ..., "detail": ...}}}),
 * each error a 400 naming the field. The url is a base64 {@code data:} URL of a PNG, JPEG, GIF or WebP image,
 * whose bytes must be the image the media type names, or an http(s) address. No error repeats the url.
 */
final class ImagePartParser {

    /** Signed addresses (S3, GCS) run long; none needs more than this. */
    static final int MAX_URL_CHARS = 8_192;

    private ImagePartParser() {
    }

    static ImageInput image(JsonNode part, String path) {
        JsonNode image = part.get("image_url");
        String imagePath = path + ".image_url";
        if (image == null || !image.isObject()) {
            throw new InvalidRequestException(imagePath, "'" + imagePath + "' must be an object with a url");
        }
        String detail = detail(image.get("detail"), imagePath + ".detail");
        JsonNode url = image.get("url");
        String urlPath = imagePath + ".url";
        if (url == null || !url.isString() || url.getStringValue().isBlank()) {
            throw new InvalidRequestException(urlPath, "'" + urlPath + "' must be a non-blank string");
        }
        String text = url.getStringValue();
        if (DataUrl.looksLikeOne(text)) {
            return inline(text, detail, urlPath);
        }
        return byAddress(text, detail, urlPath);
    }

    private static String detail(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() && node.getStringValue().equals("original")) {
            // Newer OpenAI models only: an older one, or another protocol's, would refuse or ignore it.
            throw new InvalidRequestException(path, "'" + path + "' original is not supported yet: use high");
        }
        if (!node.isString() || !ImageInput.DETAILS.contains(node.getStringValue())) {
            throw new InvalidRequestException(path, "'" + path + "' must be low, high or auto");
        }
        return node.getStringValue();
    }

    private static ImageInput inline(String url, String detail, String path) {
        DataUrl data = DataUrl.read(url, path, "data:image/png;base64,... (or an http(s) address)");
        String mediaType = data.mediaType().equals("image/jpg") ? "image/jpeg" : data.mediaType();
        if (!ImageInput.MEDIA_TYPES.contains(mediaType)) {
            throw new InvalidRequestException(path, "'" + path + "' must hold a PNG, JPEG, GIF or WebP image "
                    + "(image/png, image/jpeg, image/gif, image/webp)");
        }
        byte[] bytes = data.bytes();
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        Optional<String> found = header.map(ImageHeader::mediaType);
        if (found.isEmpty() || !found.get().equals(mediaType)) {
            throw new InvalidRequestException(path, "'" + path + "' says " + mediaType + " but holds "
                    + found.map(type -> "an " + type + " file").orElse("no PNG, JPEG, GIF or WebP image"));
        }
        if (!header.get().sized()) {
            // A file cut short or damaged before its size: every provider would refuse it.
            throw new InvalidRequestException(path, "'" + path + "' holds " + mediaType + " whose header gives no size");
        }
        return ImageInput.inline(mediaType, data.base64(), detail);
    }

    private static ImageInput byAddress(String url, String detail, String path) {
        if (url.length() > MAX_URL_CHARS) {
            throw new InvalidRequestException(path, "'" + path + "' must be at most " + MAX_URL_CHARS + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null) {
                return ImageInput.byAddress(url, detail);
            }
        } catch (URISyntaxException e) {
            // refused below, without the address
        }
        throw new InvalidRequestException(path, "'" + path + "' must be an http(s) address or a base64 data URL "
                + "of an image");
    }
}
