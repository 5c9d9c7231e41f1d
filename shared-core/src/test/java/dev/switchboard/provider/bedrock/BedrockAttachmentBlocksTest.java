package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;

/** A user turn with images and files as Converse image and document blocks; what Converse cannot take is refused first. */
class BedrockAttachmentBlocksTest {

    private final BedrockRequestMapper mapper = new BedrockRequestMapper();

    @Test
    void inlineImagesAreImageBlocksWithTheirBytesInOrder() {
        byte[] gif = TestImages.written("gif", 5, 5);
        ImageInput png = TestImages.png(2, 2);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare"),
                new MessagePart.Image(png), new MessagePart.Text("  "),
                new MessagePart.Image(ImageInput.inline("image/gif", TestImages.base64(gif), null))));
        ChatRequest request = new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0", List.of(turn), 64);
        for (List<ContentBlock> blocks : List.of(mapper.converse(request).messages().get(0).content(),
                mapper.converseStream(request).messages().get(0).content())) {
            assertEquals(3, blocks.size(), "blank text between the images is left out");
            assertEquals("Compare", blocks.get(0).text());
            assertEquals(ImageFormat.PNG, blocks.get(1).image().format());
            assertArrayEquals(png.bytes(), blocks.get(1).image().source().bytes().asByteArray());
            assertEquals(ImageFormat.GIF, blocks.get(2).image().format());
            assertArrayEquals(gif, blocks.get(2).image().source().bytes().asByteArray());
        }
    }

    @Test
    void anImageByAddressOrMoreThanConverseTakesIsRefusedBeforeSending() {
        ChatMessage byAddress = ChatMessage.userWithParts(List.of(
                new MessagePart.Image(ImageInput.byAddress("https://example.com/a.png", null))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mapper.converse(new ChatRequest("amazon.nova-lite-v1:0", List.of(byAddress), 64)));
        assertEquals("Converse takes images inline only (a data: URL), not by address", e.getMessage());

        MessagePart tiny = new MessagePart.Image(TestImages.png(1, 1));
        ChatMessage twenty = ChatMessage.userWithParts(Collections.nCopies(BedrockRequestMapper.MAX_IMAGES, tiny));
        assertEquals(20, mapper.converse(new ChatRequest("amazon.nova-lite-v1:0", List.of(twenty), 64)).messages()
                .get(0).content().size());
        ChatMessage more = ChatMessage.userWithParts(List.of(tiny));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> mapper.converseStream(
                new ChatRequest("amazon.nova-lite-v1:0", List.of(twenty, new ChatMessage("assistant", "ok"), more), 64)));
        assertEquals("Converse takes at most 20 images in a request", tooMany.getMessage());

        // A PNG padded past 3.75 MB: only the size matters here.
        ImageInput big = ImageInput.inline("image/png", TestImages.base64(
                java.util.Arrays.copyOf(TestImages.written("png", 2, 2), 4_000_000)), null);
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class, () -> mapper.converse(
                new ChatRequest("amazon.nova-lite-v1:0", List.of(ChatMessage.userWithParts(
                        List.of(new MessagePart.Image(big)))), 64)));
        assertEquals("Converse takes images of at most 3.75 MB", tooLarge.getMessage());

        ImageInput wide = ImageInput.inline("image/webp", TestImages.base64(TestImages.webpExtended(8001, 10)), null);
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class, () -> mapper.converse(
                new ChatRequest("amazon.nova-lite-v1:0", List.of(ChatMessage.userWithParts(
                        List.of(new MessagePart.Image(wide)))), 64)));
        assertEquals("Converse takes images of at most 8000 pixels a side", tooWide.getMessage());
    }

    @Test
    void aPdfIsADocumentBlockUnderANameConverseTakes() {
        DocumentInput first = TestDocuments.document("Q3 report (final)_v2.pdf", 1);
        DocumentInput second = TestDocuments.document("Q3 report (final)_v2.pdf", 2);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare"),
                new MessagePart.Document(first), new MessagePart.Document(second)));
        List<ContentBlock> blocks = mapper.converse(new ChatRequest("amazon.nova-lite-v1:0", List.of(turn), 64))
                .messages().get(0).content();
        assertEquals(DocumentFormat.PDF, blocks.get(1).document().format());
        assertEquals("Q3 report (final) v2", blocks.get(1).document().name());
        assertEquals("Q3 report (final) v2 (2)", blocks.get(2).document().name(), "one name per file");
        assertArrayEquals(second.bytes(), blocks.get(2).document().source().bytes().asByteArray());
    }

    @Test
    void aFileWithoutTextBesideItOrBeyondConversesLimitsIsRefusedBeforeSending() {
        MessagePart pdf = new MessagePart.Document(TestDocuments.document(null, 1));
        assertEquals("Converse takes a file only with text in the same turn", assertThrows(
                IllegalArgumentException.class, () -> mapper.converse(new ChatRequest("amazon.nova-lite-v1:0",
                        List.of(ChatMessage.userWithParts(List.of(pdf))), 64))).getMessage());
        List<MessagePart> six = new java.util.ArrayList<>(Collections.nCopies(6, pdf));
        six.add(new MessagePart.Text("Summarise"));
        assertEquals("Converse takes at most 5 files in a request", assertThrows(IllegalArgumentException.class,
                () -> mapper.converse(new ChatRequest("amazon.nova-lite-v1:0",
                        List.of(ChatMessage.userWithParts(six)), 64))).getMessage());
    }

    @Test
    void noTwoFilesOfARequestShareANameWhateverTheirTurnOrLetterCase() {
        ChatMessage first = ChatMessage.userWithParts(List.of(new MessagePart.Text("Read"),
                new MessagePart.Document(TestDocuments.document("Report.pdf", 1))));
        ChatMessage second = ChatMessage.userWithParts(List.of(new MessagePart.Text("And this"),
                new MessagePart.Document(TestDocuments.document("report.PDF", 1))));
        ConverseRequest request = mapper.converse(new ChatRequest("amazon.nova-lite-v1:0",
                List.of(first, new ChatMessage("assistant", "Done."), second), 64));
        assertEquals("Report", request.messages().get(0).content().get(1).document().name());
        assertEquals("report (2)", request.messages().get(2).content().get(1).document().name());
    }

    @Test
    void audioIsRefusedBeforeSendingSinceConverseTakesNone() {
        ChatRequest request = new ChatRequest("amazon.nova-lite-v1:0", List.of(ChatMessage.userWithParts(List.of(
                new MessagePart.Text("Transcribe"), new MessagePart.Audio(TestAudio.wavClip(100))))), 64);

        assertEquals("Bedrock Converse takes no audio",
                assertThrows(IllegalArgumentException.class, () -> mapper.converse(request)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> mapper.converseStream(request));
    }
}
