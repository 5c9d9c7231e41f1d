package dev.switchboard.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTokenEstimateTest {

    /** OpenAI's worked examples for GPT-4o: a 1024 square is 4 tiles, 2048x4096 scales to 768x1536, 6 tiles. */
    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1024, 1024, high, 765", "2048, 4096, high, 1105", "4096, 8192, , 1105", "4096, 8192, low, 85",
            "100, 100, auto, 255", "512, 512, high, 255", "513, 512, high, 425"})
    void openAisCountFollowsItsTileRule(int width, int height, String detail, int tokens) {
        assertEquals(tokens, ImageTokenEstimate.openAi(width, height, detail));
    }

    /** Anthropic's table: 200x200 about 54 tokens, 1000x1000 about 1,334; the largest about 1,600. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"200, 200, 54", "1000, 1000, 1334", "1092, 1092, 1590", "4000, 4000, 1600", "1568, 400, 837"})
    void anthropicsCountIsPixelsOver750(int width, int height, int tokens) {
        assertEquals(tokens, ImageTokenEstimate.anthropic(width, height));
    }

    @Test
    void anImageCountsTheLargerOfTheTwo() {
        assertEquals(1334, ImageTokenEstimate.of(TestImages.png(1000, 1000)), "Anthropic's 1,334 over OpenAI's 765");
        assertEquals(255, ImageTokenEstimate.of(TestImages.png(64, 64)), "OpenAI's one tile over Anthropic's 6");
        ImageInput low = ImageInput.inline("image/png", TestImages.base64(TestImages.written("png", 64, 64)), "low");
        assertEquals(85, ImageTokenEstimate.of(low), "low detail is OpenAI's 85, still more than Anthropic's 6");
    }

    @Test
    void anImageOfUnknownSizeCountsTheMostEitherGives() {
        assertEquals(ImageTokenEstimate.UNKNOWN_SIZE_TOKENS,
                ImageTokenEstimate.of(ImageInput.byAddress("https://example.com/cat.png", null)));
        byte[] cut = java.util.Arrays.copyOf(TestImages.written("jpeg", 50, 50), 20);
        assertEquals(ImageTokenEstimate.UNKNOWN_SIZE_TOKENS,
                ImageTokenEstimate.of(ImageInput.inline("image/jpeg", TestImages.base64(cut), null)));
    }

    @Test
    void aConversationCountsEveryImageOfEveryTurn() {
        ChatMessage first = ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare "),
                new MessagePart.Image(TestImages.png(64, 64)), new MessagePart.Text(" with "),
                new MessagePart.Image(TestImages.png(1000, 1000))));
        ChatMessage second = ChatMessage.userWithParts(List.of(new MessagePart.Image(TestImages.png(64, 64))));
        assertEquals(255 + 1334 + 255, ImageTokenEstimate.of(List.of(first, new ChatMessage("assistant", "ok"), second)));
        assertEquals(0, ImageTokenEstimate.of(List.of(ChatMessage.user("no images"))));
    }
}
