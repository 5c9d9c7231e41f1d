package dev.switchboard.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTokenEstimateTest {

    @Test
    void eachPageTheFileSaysItHasCountsTwoThousandTokens() {
        assertEquals(2_000, DocumentTokenEstimate.of(TestDocuments.document(null, 1)));
        assertEquals(14_000, DocumentTokenEstimate.of(TestDocuments.document(null, 7)));
    }

    @Test
    void thePageTreesCountWinsOverPageObjectsAnIncrementalSaveRepeats() {
        String updated = new String(TestDocuments.pdf(3), java.nio.charset.StandardCharsets.ISO_8859_1)
                + "4 0 obj\n<< /Type /Page /Parent 2 0 R /Rotate 90 >>\nendobj\n%%EOF\n";
        DocumentInput pdf = new DocumentInput(null, Base64.getEncoder().encodeToString(
                updated.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(3, pdf.visiblePages(), "4 page objects, one of them saved twice; the tree says 3");
        byte[] noTree = "%PDF-1.4\n1 0 obj << /Type /Page >> endobj 2 0 obj << /Type/Page >> endobj".getBytes();
        assertEquals(2, new DocumentInput(null, Base64.getEncoder().encodeToString(noTree)).visiblePages());
    }

    @Test
    void aFileThatShowsNoPagesCountsOnePerThirtyKilobytes() {
        byte[] compressed = Arrays.copyOf("%PDF-1.7\n% objects in compressed streams\n".getBytes(), 65_000);
        DocumentInput pdf = new DocumentInput(null, Base64.getEncoder().encodeToString(compressed));
        assertEquals(0, pdf.visiblePages());
        assertEquals(3, DocumentTokenEstimate.pages(pdf));
        DocumentInput tiny = new DocumentInput(null, Base64.getEncoder().encodeToString("%PDF-1.7".getBytes()));
        assertEquals(1, DocumentTokenEstimate.pages(tiny), "at least one page");
    }

    @Test
    void aConversationCountsEveryFileOfEveryTurn() {
        ChatMessage first = ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare"),
                new MessagePart.Document(TestDocuments.document("a.pdf", 2)),
                new MessagePart.Document(TestDocuments.document("b.pdf", 1))));
        assertEquals(6_000, DocumentTokenEstimate.of(List.of(first, new ChatMessage("assistant", "ok"),
                ChatMessage.user("and?"))));
    }
}
