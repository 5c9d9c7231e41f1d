package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** PDF file parts of a chat completion's user turns: what is taken, and the 400 for each way to get one wrong. */
class FilePartsParserTest {

    private final ChatCompletionRequestParser parser = new ChatCompletionRequestParser(JsonMapper.createDefault());

    private ChatCompletionRequest parse(String messages) {
        return parser.parse(("{\"messages\":" + messages + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String file(String dataUrl, String filename) {
        return "{\"type\":\"file\",\"file\":{\"file_data\":\"" + dataUrl + "\""
                + (filename == null ? "" : ",\"filename\":\"" + filename + "\"") + "}}";
    }

    private static String userParts(String... parts) {
        return "[{\"role\":\"user\",\"content\":[" + String.join(",", parts) + "]}]";
    }

    private InvalidRequestException refused(String messages) {
        return assertThrows(InvalidRequestException.class, () -> parse(messages));
    }

    @Test
    void aPdfIsKeptInItsPlaceWithItsName() {
        ChatMessage turn = parse(userParts("{\"type\":\"text\",\"text\":\"Summarise \"}",
                file(TestDocuments.dataUrl(2), "report.pdf"), "{\"type\":\"text\",\"text\":\"briefly.\"}"))
                .messages().get(0);
        assertEquals("Summarise briefly.", turn.content());
        assertEquals(3, turn.parts().size());
        DocumentInput pdf = ((MessagePart.Document) turn.parts().get(1)).document();
        assertEquals("report.pdf", pdf.filename());
        assertEquals(TestDocuments.dataUrl(2), pdf.dataUrl());
        assertEquals(2, pdf.visiblePages());
        assertFalse(turn.hasImages());
        assertNull(((MessagePart.Document) parse(userParts(file(TestDocuments.dataUrl(1), null))).messages().get(0)
                .parts().get(0)).document().filename(), "a file alone is a question, and its name is optional");
    }

    @Test
    void onlyAPdfGivenInlineIsTaken() {
        String data = "messages[0].content[0].file.file_data";
        assertEquals("'messages[0].content[0].file.file_id' names a file stored with OpenAI, which other providers "
                + "cannot read: send the file inline as file_data",
                refused(userParts("{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}")).getMessage());
        assertEquals(data, refused(userParts("{\"type\":\"file\",\"file\":{\"filename\":\"a.pdf\"}}")).field());
        InvalidRequestException text = refused(userParts(file("data:text/plain;base64,aGk=", null)));
        assertTrue(text.getMessage().contains("must hold a PDF file (application/pdf)"), text.getMessage());
        InvalidRequestException png = refused(userParts(file(TestImages.dataUrl("application/pdf",
                TestImages.written("png", 2, 2)), null)));
        assertEquals("'" + data + "' says application/pdf but holds no PDF file", png.getMessage());
        assertEquals(data, refused(userParts(file("https://example.com/a.pdf", null))).field());
        assertEquals("messages[0].content[0].file", refused(userParts("{\"type\":\"file\"}")).field());
        assertEquals("messages[0].content[0].file.filename",
                refused(userParts(file(TestDocuments.dataUrl(1), " "))).field());
    }

    @Test
    void onlyAUserTurnMayHoldAFileAndARequestAtMostTwenty() {
        InvalidRequestException e = refused("[{\"role\":\"system\",\"content\":[" + file(TestDocuments.dataUrl(1), null)
                + "]},{\"role\":\"user\",\"content\":\"hi\"}]");
        assertEquals("messages[0].content[0]", e.field());
        assertTrue(e.getMessage().contains("is a file: only a user turn may hold images, files and audio"), e.getMessage());
        String one = file(TestDocuments.dataUrl(1), null);
        parse(userParts(Collections.nCopies(20, one).toArray(String[]::new)));
        InvalidRequestException many = refused(userParts(Collections.nCopies(21, one).toArray(String[]::new)));
        assertTrue(many.getMessage().contains("at most 20 files"), many.getMessage());
    }

    @Test
    void aFilesNameAndBytesStayOutOfTheTextFormsThatReachLogs() {
        ChatCompletionRequest request = parse(userParts(file(TestDocuments.dataUrl(1), "payroll-alice-smith.pdf")));
        for (Object shown : new Object[]{request, request.messages().get(0), request.messages().get(0).documents().get(0)}) {
            assertFalse(shown.toString().contains("alice"), shown.toString());
            assertFalse(shown.toString().contains(request.messages().get(0).documents().get(0).base64Data()),
                    shown.getClass().getSimpleName());
        }
    }
}
