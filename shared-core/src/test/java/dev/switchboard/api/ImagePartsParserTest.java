package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestImages;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Image parts of a chat completion's user turns: what is taken, and the 400 for each way to get one wrong. */
class ImagePartsParserTest {

    private static final String PNG = TestImages.dataUrl("image/png", TestImages.written("png", 8, 8));
    private static final String JPEG = TestImages.dataUrl("image/jpeg", TestImages.written("jpeg", 8, 8));

    private final ChatCompletionRequestParser parser = new ChatCompletionRequestParser(JsonMapper.createDefault());

    private ChatCompletionRequest parse(String messages) {
        return parser.parse(("{\"messages\":" + messages + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String image(String url, String detail) {
        return "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}}";
    }

    private static String userParts(String... parts) {
        return "[{\"role\":\"user\",\"content\":[" + String.join(",", parts) + "]}]";
    }

    private InvalidRequestException refused(String messages) {
        return assertThrows(InvalidRequestException.class, () -> parse(messages));
    }

    @Test
    void aUserTurnKeepsItsTextAndImagesInOrder() {
        ChatMessage turn = parse(userParts("{\"type\":\"text\",\"text\":\"Compare \"}", image(PNG, "low"),
                "{\"type\":\"text\",\"text\":\"with\"}", image("https://example.com/b.jpg?sig=abc", null))).messages().get(0);
        assertEquals("Compare with", turn.content(), "the text parts joined, as routing and token counts read it");
        assertEquals(4, turn.parts().size());
        assertEquals(new MessagePart.Text("Compare "), turn.parts().get(0));
        ImageInput inline = turn.images().get(0);
        assertTrue(inline.isInline());
        assertEquals("image/png", inline.mediaType());
        assertEquals("low", inline.detail());
        assertEquals(PNG, inline.openAiUrl(), "sent on to OpenAI as given");
        ImageInput byAddress = turn.images().get(1);
        assertFalse(byAddress.isInline());
        assertEquals("https://example.com/b.jpg?sig=abc", byAddress.url());
        assertNull(byAddress.detail());
    }

    @Test
    void anImageAloneIsAQuestionAndJpgIsReadAsJpeg() {
        ChatMessage turn = parse(userParts(image(JPEG.replace("image/jpeg", "image/JPG"), "auto"))).messages().get(0);
        assertEquals("", turn.content());
        assertEquals("image/jpeg", turn.images().get(0).mediaType());
        ImageInput shouted = parse(userParts(image(PNG.replace("data:", "DATA:").replace(";base64,", ";BASE64,"),
                null))).messages().get(0).images().get(0);
        assertEquals(PNG, shouted.openAiUrl(), "the scheme and encoding are case-insensitive, as in RFC 2397");
    }

    @Test
    void textPartsAloneStayPlainText() {
        ChatMessage turn = parse(userParts("{\"type\":\"text\",\"text\":\"a\"}", "{\"type\":\"text\",\"text\":\"b\"}"))
                .messages().get(0);
        assertEquals(ChatMessage.user("ab"), turn);
        assertFalse(turn.hasImages());
    }

    @Test
    void onlyAUserTurnMayHoldImages() {
        for (String role : new String[]{"system", "assistant"}) {
            InvalidRequestException e = refused("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"" + role
                    + "\",\"content\":[" + image(PNG, null) + "]},{\"role\":\"user\",\"content\":\"and?\"}]");
            assertEquals("messages[1].content[0]", e.field(), role);
            assertTrue(e.getMessage().contains("only a user turn may hold images"), e.getMessage());
        }
    }

    @Test
    void aDataUrlMustHoldTheImageItsMediaTypeNames() {
        String field = "messages[0].content[0].image_url.url";
        InvalidRequestException mismatch = refused(userParts(image(PNG.replace("image/png", "image/gif"), null)));
        assertEquals(field, mismatch.field());
        assertEquals("'" + field + "' says image/gif but holds an image/png file", mismatch.getMessage());
        InvalidRequestException notAnImage = refused(userParts(image(TestImages.dataUrl("image/png",
                "plain text".getBytes()), null)));
        assertTrue(notAnImage.getMessage().endsWith("holds no PNG, JPEG, GIF or WebP image"), notAnImage.getMessage());
        InvalidRequestException bmp = refused(userParts(image(TestImages.dataUrl("image/bmp",
                TestImages.written("bmp", 2, 2)), null)));
        assertTrue(bmp.getMessage().contains("PNG, JPEG, GIF or WebP"), bmp.getMessage());
        InvalidRequestException notBase64 = refused(userParts(image("data:image/png;base64,%%%", null)));
        assertTrue(notBase64.getMessage().contains("standard base64"), notBase64.getMessage());
        InvalidRequestException notBase64Form = refused(userParts(image("data:image/png,rawbytes", null)));
        assertEquals(field, notBase64Form.field());
    }

    @Test
    void anImageWhoseHeaderGivesNoSizeIsRefused() {
        byte[] png = TestImages.written("png", 8, 8);
        InvalidRequestException cut = refused(userParts(image(TestImages.dataUrl("image/png",
                java.util.Arrays.copyOf(png, 12)), null)));
        assertEquals("'messages[0].content[0].image_url.url' holds image/png whose header gives no size",
                cut.getMessage());
    }

    @Test
    void base64WithoutPaddingIsTakenAndSentOnPadded() {
        // A file whose length is no multiple of 3, so its base64 ends in padding.
        byte[] png = java.util.stream.IntStream.rangeClosed(8, 40).mapToObj(n -> TestImages.written("png", n, n))
                .filter(bytes -> bytes.length % 3 != 0).findFirst().orElseThrow();
        String padded = TestImages.base64(png);
        String unpadded = padded.replace("=", "");
        ImageInput taken = parse(userParts(image("data:image/png;base64," + unpadded, null))).messages().get(0)
                .images().get(0);
        assertEquals(padded, taken.base64Data(), "one image, one form: what providers read and the cache keys");
    }

    @Test
    void anAddressMustBeHttpOrHttpsAndIsNeverRepeatedInTheError() {
        String field = "messages[0].content[0].image_url.url";
        for (String url : new String[]{"ftp://example.com/a.png", "file:///etc/passwd", "example.com/a.png",
                "https://", "http://exa mple.com/secret-token"}) {
            InvalidRequestException e = refused(userParts(image(url, null)));
            assertEquals(field, e.field(), url);
            assertFalse(e.getMessage().contains("secret-token") || e.getMessage().contains("passwd"), e.getMessage());
        }
        String longUrl = "https://example.com/" + "a".repeat(ImagePartParser.MAX_URL_CHARS);
        assertTrue(refused(userParts(image(longUrl, null))).getMessage().contains("at most 8192"));
        assertEquals("http://example.com/a.png", parse(userParts(image("http://example.com/a.png", null)))
                .messages().get(0).images().get(0).url());
    }

    @Test
    void detailIsLowHighOrAuto() {
        InvalidRequestException e = refused(userParts(image(PNG, "medium")));
        assertEquals("messages[0].content[0].image_url.detail", e.field());
        InvalidRequestException original = refused(userParts(image(PNG, "original")));
        assertEquals("'messages[0].content[0].image_url.detail' original is not supported yet: use high",
                original.getMessage());
        InvalidRequestException notObject = refused(userParts("{\"type\":\"image_url\",\"image_url\":\"" + PNG + "\"}"));
        assertEquals("messages[0].content[0].image_url", notObject.field());
        InvalidRequestException noUrl = refused(userParts("{\"type\":\"image_url\",\"image_url\":{\"detail\":\"low\"}}"));
        assertEquals("messages[0].content[0].image_url.url", noUrl.field());
    }

    @Test
    void aRequestHoldsAtMostAHundredImages() {
        String tiny = image(PNG, null);
        String fifty = userParts(java.util.Collections.nCopies(50, tiny).toArray(String[]::new));
        String turns = fifty.substring(0, fifty.length() - 1) + ",{\"role\":\"assistant\",\"content\":\"ok\"},"
                + fifty.substring(1);
        assertEquals(100, parse(turns).messages().stream().mapToInt(m -> m.images().size()).sum());
        String more = turns.substring(0, turns.length() - 1) + ",{\"role\":\"user\",\"content\":[" + tiny + "]}]";
        InvalidRequestException e = refused(more);
        assertEquals("messages", e.field());
        assertTrue(e.getMessage().contains("at most 100 images"), e.getMessage());
    }

    @Test
    void anImageNeverCountsTowardTheTextLimit() {
        String big = TestImages.dataUrl("image/png", TestImages.noise(400, 400, 7));
        assertTrue(big.length() > CompleteRequestParser.MAX_PROMPT_CHARS, "bigger than the text limit");
        ChatCompletionRequest request = parse(userParts(image(big, null), "{\"type\":\"text\",\"text\":\"What is it?\"}"));
        assertEquals("What is it?", request.messages().get(0).content());
    }
}
