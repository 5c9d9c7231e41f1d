package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageHeader;
import dev.switchboard.provider.ImageInput;

import java.util.List;

/**
 * The prompt tokens an image is estimated to cost, before a provider counts them: the larger of OpenAI's
 * documented count for its GPT-4o family (85 tokens, plus 170 per 512-pixel tile of the image scaled to fit
 * 2048 pixels and then to 768 on its shorter side; 85 at low detail) and Anthropic's (width times height
 * over 750, the image first scaled to 1,568 pixels on its longer side, at most about 1,600). An image whose
 * size is not known here (an address, which the gateway does not fetch, or a header that does not say)
 * counts {@link #UNKNOWN_SIZE_TOKENS}. It stands in for the image in windows, cost ceilings and
 * reservations; the provider's own count settles them.
 */
public final class ImageTokenEstimate {

    /** The most either documented count gives an image (Anthropic's cap). */
    public static final int UNKNOWN_SIZE_TOKENS = 1_600;

    private ImageTokenEstimate() {
    }

    /** The tokens of every image in {@code messages}. */
    public static long of(List<ChatMessage> messages) {
        return AttachmentTokens.sum(messages, ChatMessage::images, ImageTokenEstimate::of);
    }

    public static int of(ImageInput image) {
        return image.header().filter(ImageHeader::sized)
                .map(h -> Math.max(openAi(h.width(), h.height(), image.detail()), anthropic(h.width(), h.height())))
                .orElse(UNKNOWN_SIZE_TOKENS);
    }

    static int openAi(int width, int height, String detail) {
        if ("low".equals(detail)) {
            return 85;
        }
        double w = width;
        double h = height;
        double fit = Math.min(1.0, 2048.0 / Math.max(w, h));
        w *= fit;
        h *= fit;
        double shorter = Math.min(1.0, 768.0 / Math.min(w, h));
        w *= shorter;
        h *= shorter;
        long tiles = (long) Math.ceil(w / 512) * (long) Math.ceil(h / 512);
        return (int) (85 + 170 * tiles);
    }

    static int anthropic(int width, int height) {
        double scale = Math.min(1.0, 1568.0 / Math.max(width, height));
        double pixels = width * scale * height * scale;
        return (int) Math.min(UNKNOWN_SIZE_TOKENS, Math.ceil(pixels / 750));
    }
}
