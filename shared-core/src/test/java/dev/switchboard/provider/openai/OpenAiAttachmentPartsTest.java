package dev.switchboard.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.provider.TestAudio;
import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user turn with images and files as OpenAI's content parts, which OpenAI-compatible servers take too. */
class OpenAiAttachmentPartsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void textAndImagesGoAsContentPartsInTheCallersOrder() throws IOException {
        ImageInput png = TestImages.png(4, 4);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare "),
                new MessagePart.Image(ImageInput.inline("image/png", png.base64Data(), "high")),
                new MessagePart.Text(" with "),
                new MessagePart.Image(ImageInput.byAddress("https://example.com/b.jpg?sig=x", null))));
        ChatRequest request = new ChatRequest("gpt-4o", List.of(new ChatMessage("system", "Be brief."), turn,
                new ChatMessage("assistant", "They differ."), ChatMessage.user("How?")), 64);
        for (String tokensField : new String[]{"max_completion_tokens", "max_tokens"}) {
            JsonNode body = JSON.readValue(new OpenAiRequestMapper(JSON, tokensField).body(request, false), JsonNode.class);
            assertEquals(JSON.readValue("""
                    [{"role":"system","content":"Be brief."},
                     {"role":"user","content":[{"type":"text","text":"Compare "},
                       {"type":"image_url","image_url":{"url":"data:image/png;base64,%s","detail":"high"}},
                       {"type":"text","text":" with "},
                       {"type":"image_url","image_url":{"url":"https://example.com/b.jpg?sig=x"}}]},
                     {"role":"assistant","content":"They differ."},
                     {"role":"user","content":"How?"}]""".formatted(png.base64Data()), JsonNode.class),
                    body.get("messages"), tokensField);
        }
    }

    @Test
    void aPdfGoesAsAFilePartWithItsNameOrADefaultOneSinceOpenAiWantsOne() throws IOException {
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Summarise"),
                new MessagePart.Document(TestDocuments.document("q3.pdf", 1)),
                new MessagePart.Document(TestDocuments.document(null, 2))));
        JsonNode body = JSON.readValue(new OpenAiRequestMapper(JSON, "max_completion_tokens")
                .body(new ChatRequest("gpt-4o", List.of(turn), 64), false), JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","content":[{"type":"text","text":"Summarise"},
                  {"type":"file","file":{"filename":"q3.pdf","file_data":"%s"}},
                  {"type":"file","file":{"filename":"document.pdf","file_data":"%s"}}]}]""".formatted(TestDocuments.dataUrl(1),
                TestDocuments.dataUrl(2)), JsonNode.class), body.get("messages"));
    }

    @Test
    void anAudioClipGoesAsAnInputAudioPartWithItsFormat() throws IOException {
        AudioInput clip = TestAudio.wavClip(500);
        ChatMessage turn = ChatMessage.userWithParts(List.of(new MessagePart.Text("Transcribe"),
                new MessagePart.Audio(clip)));
        JsonNode body = JSON.readValue(new OpenAiRequestMapper(JSON, "max_completion_tokens")
                .body(new ChatRequest("gpt-4o-audio-preview", List.of(turn), 64), false), JsonNode.class);
        assertEquals(JSON.readValue("""
                [{"role":"user","content":[{"type":"text","text":"Transcribe"},
                  {"type":"input_audio","input_audio":{"data":"%s","format":"wav"}}]}]""".formatted(clip.base64Data()),
                JsonNode.class), body.get("messages"));
    }
}
