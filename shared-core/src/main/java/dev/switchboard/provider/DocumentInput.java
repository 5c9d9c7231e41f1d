package dev.switchboard.provider;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PDF file in a user turn, as OpenAI's {@code file} part gives it inline ({@code file_data}, a base64
 * data URL), with the file's name when the caller gave one. Every protocol that reads files takes a PDF
 * inline: OpenAI's file part, Anthropic's document block, Gemini's inline data, Converse's document block.
 *
 * @param filename   the caller's name for the file, or null
 * @param base64Data the file's bytes in padded standard base64
 */
public record DocumentInput(String filename, String base64Data) {

    public static final String MEDIA_TYPE = "application/pdf";
    /** Each page object of a PDF says so; a page tree says /Pages, which this leaves out. */
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    public DocumentInput {
        Objects.requireNonNull(base64Data, "base64Data");
        if (filename != null && filename.isBlank()) {
            throw new IllegalArgumentException("a file's name, when given, is not blank");
        }
    }

    public byte[] bytes() {
        return InlineData.bytes(base64Data);
    }

    public long byteCount() {
        return InlineData.byteCount(base64Data);
    }

    /** The file as OpenAI's file_data says it. */
    public String dataUrl() {
        return "data:" + MEDIA_TYPE + ";base64," + base64Data;
    }

    /**
     * The pages the file's page objects count, 0 when none can be seen: a PDF that keeps its objects in
     * compressed object streams (PDF 1.5 and later may) shows none without being decompressed.
     */
    public int visiblePages() {
        Matcher m = PAGE.matcher(new String(bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        return pages;
    }

    /** The shape only: a file is the caller's prompt, and its name may say whose it is. */
    @Override
    public String toString() {
        return "DocumentInput[" + MEDIA_TYPE + ", " + base64Data.length() + " base64 chars]";
    }
}
