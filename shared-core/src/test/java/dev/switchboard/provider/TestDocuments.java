package dev.switchboard.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small, well-formed PDF files written by hand: a page tree of blank pages, with a cross-reference table. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A PDF of {@code pages} blank pages. */
    public static byte[] pdf(int pages) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        }
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            out.append(String.format("%010d 00000 n \n", offset));
        }
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static DocumentInput document(String filename, int pages) {
        return new DocumentInput(filename, Base64.getEncoder().encodeToString(pdf(pages)));
    }

    public static String dataUrl(int pages) {
        return "data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf(pages));
    }
}
