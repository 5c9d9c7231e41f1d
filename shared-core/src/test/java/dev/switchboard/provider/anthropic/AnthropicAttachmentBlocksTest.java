package dev.switchboard.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.provider.TestAudio;
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

/** A user turn with images and files as Anthropic's image and document blocks. */
class AnthropicAttachmentBlocksTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final AnthropicRequestMapper MAPPER = new AnthropicRequestMapper(JSON);

    @Test
    void imagesAreBlocksInOrderAndBlankTextBetweenThemIsLeftOut() throws IOException {
        String jpeg = TestImages.base64(TestImages.written("jpeg", 4, 4));
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("What is in "),
                new MessagePart.Image(ImageInput.inline("image/jpeg", jpeg, "low")), new MessagePart.Text(" "),
                new MessagePart.Image(ImageInput.byAddress("https://example.com/b.png", "high")),
                new MessagePart.Text("?")));
        ChatRequest request = new ChatRequest("claude-3-5-sonnet-latest", List.of(turn), 64);
        JsonNode body = JSON.readValue(MAPPER.body(request, false), JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","content":[{"type":"text","text":"What is in "},
                  {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"%s"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/b.png"}},
                  {"type":"text","text":"?"}]}]""".formatted(jpeg), JsonNode.class), body.get("messages"),
                "detail is OpenAI's alone; Anthropic refuses blank text blocks");
    }

    @Test
    void aTurnWithImagesMergesWithTheUserTurnsAroundIt() throws IOException {
        ImageInput png = TestImages.png(2, 2);
        ChatRequest request = new ChatRequest("claude-3-5-sonnet-latest", List.of(ChatMessage.user("Look:"),
                ChatMessage.userWithParts(List.of(new MessagePart.Image(png)))), 64);
        JsonNode body = JSON.readValue(MAPPER.body(request, true), JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","content":[{"type":"text","text":"Look:"},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}}]}]"""
                .formatted(png.base64Data()), JsonNode.class), body.get("messages"));
    }

    private static ChatRequest asking(List<MessagePart> parts) {
        return new ChatRequest("claude-3-5-sonnet-latest", List.of(ChatMessage.userWithParts(parts)), 64);
    }

    private static MessagePart webp(int width, int height) {
        return new MessagePart.Image(ImageInput.inline("image/webp",
                TestImages.base64(TestImages.webpExtended(width, height)), null));
    }

    @Test
    void imagesBeyondAnthropicsLimitsAreRefusedBeforeSending() {
        assertEquals("Anthropic takes images of at most 8000 pixels a side", assertThrows(
                IllegalArgumentException.class, () -> MAPPER.body(asking(List.of(webp(8001, 10))), false)).getMessage());
        MAPPER.body(asking(List.of(webp(8000, 10))), false);

        List<MessagePart> twenty = java.util.Collections.nCopies(20, webp(2001, 10));
        MAPPER.body(asking(twenty), false);
        List<MessagePart> more = new java.util.ArrayList<>(twenty);
        more.add(webp(10, 10));
        assertEquals("Anthropic takes images of at most 2000 pixels a side in a request of more than 20 images",
                assertThrows(IllegalArgumentException.class, () -> MAPPER.body(asking(more), false)).getMessage());

        // A PNG padded past 5 MB of base64: only the size matters here.
        ImageInput big = ImageInput.inline("image/png",
                TestImages.base64(java.util.Arrays.copyOf(TestImages.written("png", 2, 2), 4_000_000)), null);
        assertEquals("Anthropic takes images of at most 5 MB", assertThrows(IllegalArgumentException.class,
                () -> MAPPER.body(asking(List.of(new MessagePart.Image(big))), true)).getMessage());
    }

    @Test
    void aPdfIsADocumentBlockAndOneOfMoreThanAHundredPagesIsRefused() throws IOException {
        DocumentInput pdf = TestDocuments.document("q3.pdf", 3);
        JsonNode body = JSON.readValue(MAPPER.body(asking(List.of(new MessagePart.Document(pdf),
                new MessagePart.Text("Summarise"))), false), JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","content":[
                  {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"%s"}},
                  {"type":"text","text":"Summarise"}]}]""".formatted(pdf.base64Data()), JsonNode.class),
                body.get("messages"));
        assertEquals("Anthropic takes at most 100 pages of PDF in a request", assertThrows(
                IllegalArgumentException.class, () -> MAPPER.body(asking(List.of(new MessagePart.Document(
                        TestDocuments.document(null, 101)))), false)).getMessage());
        MessagePart sixty = new MessagePart.Document(TestDocuments.document(null, 60));
        MAPPER.body(asking(List.of(sixty)), false);
        assertThrows(IllegalArgumentException.class, () -> MAPPER.body(new ChatRequest("claude-3-5-sonnet-latest",
                List.of(ChatMessage.userWithParts(List.of(sixty)), new ChatMessage("assistant", "Read."),
                        ChatMessage.userWithParts(List.of(new MessagePart.Text("And this?"), sixty))), 64), false),
                "the pages of every file of the request count together");
    }

    @Test
    void audioIsRefusedBeforeSendingSinceTheMessagesApiTakesNone() {
        ChatRequest request = new ChatRequest("claude-sonnet-4-5", List.of(ChatMessage.userWithParts(List.of(
                new MessagePart.Text("Transcribe"), new MessagePart.Audio(TestAudio.wavClip(100))))), 64);

        assertEquals("Anthropic's Messages API takes no audio",
                assertThrows(IllegalArgumentException.class, () -> MAPPER.body(request, false)).getMessage());
    }
}
