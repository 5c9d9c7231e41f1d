package dev.switchboard.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pages a PDF says it has, from its text; and a caller's file made to slow that reading down reads as fast. */
class PdfPagesTest {

    private static int pages(String text) {
        return PdfPages.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void thePageTreesCountIsThePagesOfAWellFormedFile() {
        for (int n : new int[] {1, 3, 40}) {
            assertEquals(n, PdfPages.of(TestDocuments.pdf(n)), n + " pages");
        }
    }

    @Test
    void theCountMayComeBeforeTheTypeAndTheRootsLargestCountWins() {
        assertEquals(12, pages("%PDF-1.7\n1 0 obj << /Count 12 /Kids [2 0 R 3 0 R] /Type /Pages >> endobj\n"
                + "2 0 obj << /Type /Pages /Parent 1 0 R /Count 5 >> endobj\n"
                + "3 0 obj << /Type/Pages /Parent 1 0 R /Count 7 >> endobj"));
    }

    @Test
    void aCountOutsideAPageTreeNodeIsNotAPageCount() {
        // An outline's /Count (its open entries) in its own dictionary, beside one page object.
        assertEquals(1, pages("%PDF-1.4\n1 0 obj << /Type /Outlines /Count 30 >> endobj\n"
                + "2 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj"));
        assertEquals(2, pages("%PDF-1.4 << /Type /Pages /Kids [1 0 R] >> << /Count 9 >> "
                + "<< /Type /Page >> << /Type /Page >>"), "a count in the next dictionary is not the tree node's");
    }

    @Test
    void withoutAPageTreeThePageObjectsAreCountedAndACompressedFileReadsAsNone() {
        assertEquals(3, pages("%PDF-1.4 << /Type /Page >> << /Type/Page >> << /Type /Page /Rotate 90 >> << /Type /Pagexyz >>"));
        assertEquals(0, pages("%PDF-1.5\n1 0 obj << /Type /ObjStm /N 40 /Filter /FlateDecode >> stream\nxxxx"));
    }

    @Test
    @Timeout(60) // a guard against the quadratic reading coming back (over a minute each), not a speed target
    void aFileOfRepeatedCountsOrTreeNodesWithoutADictionaryEndReadsInOnePass() {
        // Each of these took minutes with a search that went on from every match to the file's end (400 KB, 73 s);
        // read in one pass, they take milliseconds.
        String counts = "%PDF-1.4 /Type /Pages " + "/Count 1 ".repeat(50_000);
        String nodes = "%PDF-1.4 /Count 2 " + "/Type /Pages ".repeat(35_000);

        assertEquals(1, pages(counts));
        assertEquals(2, pages(nodes));
        assertEquals(0, pages("%PDF-1.4 " + "/Count 1 ".repeat(50_000)), "counts with no tree node are no pages");
    }
}
