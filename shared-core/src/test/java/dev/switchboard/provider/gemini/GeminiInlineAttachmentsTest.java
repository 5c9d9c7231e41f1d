package dev.switchboard.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.provider.TestAudio;
import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user turn with images and files as Gemini's inlineData parts; an image by address or a GIF cannot be sent. */
class GeminiInlineAttachmentsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final GeminiRequestMapper MAPPER = new GeminiRequestMapper(JSON);

    @Test
    void inlineImagesAreInlineDataPartsInOrder() throws IOException {
        String webp = TestImages.base64(TestImages.webpLossy(16, 16));
        ImageInput png = TestImages.png(3, 3);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Image(png),
                new MessagePart.Text("Which is larger, this or "),
                new MessagePart.Image(ImageInput.inline("image/webp", webp, "auto")), new MessagePart.Text("?")));
        JsonNode body = JSON.readValue(MAPPER.body(new ChatRequest("gemini-2.0-flash", List.of(turn), 64)),
                JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","parts":[{"inlineData":{"mimeType":"image/png","data":"%s"}},
                  {"text":"Which is larger, this or "},
                  {"inlineData":{"mimeType":"image/webp","data":"%s"}},
                  {"text":"?"}]}]""".formatted(png.base64Data(), webp), JsonNode.class), body.get("contents"));
    }

    @Test
    void anImageByAddressIsRefusedBeforeSendingWithoutNamingIt() {
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("What is this?"),
                new MessagePart.Image(ImageInput.byAddress("https://example.com/private.png?token=s3cret", null))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MAPPER.body(new ChatRequest("gemini-2.0-flash", List.of(turn), 64)));
        assertEquals("Gemini takes images inline only (a data: URL), not by address", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aGifIsRefusedBeforeSendingSinceGeminiDoesNotReadIt() {
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Image(ImageInput.inline("image/gif",
                TestImages.base64(TestImages.written("gif", 2, 2)), null))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MAPPER.body(new ChatRequest("gemini-2.0-flash", List.of(turn), 64)));
        assertEquals("Gemini takes PNG, JPEG and WebP images, not image/gif", e.getMessage());
    }

    @Test
    void aPdfIsInlineData() throws IOException {
        DocumentInput pdf = TestDocuments.document("q3.pdf", 1);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Summarise"),
                new MessagePart.Document(pdf)));
        JsonNode body = JSON.readValue(MAPPER.body(new ChatRequest("gemini-2.0-flash", List.of(turn), 64)),
                JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","parts":[{"text":"Summarise"},
                  {"inlineData":{"mimeType":"application/pdf","data":"%s"}}]}]""".formatted(pdf.base64Data()),
                JsonNode.class), body.get("contents"));
    }

    @Test
    void anAudioClipIsInlineDataUnderItsMediaType() throws IOException {
        AudioInput clip = TestAudio.wavClip(500);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Audio(clip),
                new MessagePart.Text("What is said?")));
        JsonNode body = JSON.readValue(MAPPER.body(new ChatRequest("gemini-2.5-flash", List.of(turn), 64)),
                JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","parts":[{"inlineData":{"mimeType":"audio/wav","data":"%s"}},
                  {"text":"What is said?"}]}]""".formatted(clip.base64Data()), JsonNode.class), body.get("contents"));
    }
}
