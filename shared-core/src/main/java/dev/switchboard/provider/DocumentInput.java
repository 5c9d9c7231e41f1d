package dev.switchboard.provider;

import java.util.Objects;

/**
 * A PDF file in a user turn, as OpenAI's {@code file} part gives it inline ({@code file_data}, a base64
 * data URL), with the file's name when the caller gave one. Every protocol that reads files takes a PDF
 * inline: OpenAI's file part, Anthropic's document block, Gemini's inline data, Converse's document block.
 *
 * @param filename     the caller's name for the file, or null
 * @param base64Data   the file's bytes in padded standard base64
 * @param visiblePages the pages the file says it has, 0 when it does not show them (see {@link PdfPages})
 */
public record DocumentInput(String filename, String base64Data, int visiblePages) {

    public static final String MEDIA_TYPE = "application/pdf";
    /** The name a file is sent under where a protocol wants one and the caller gave none. */
    public static final String DEFAULT_FILENAME = "document.pdf";

    public DocumentInput {
        Objects.requireNonNull(base64Data, "base64Data");
        if (filename != null && filename.isBlank()) {
            throw new IllegalArgumentException("a file's name, when given, is not blank");
        }
        if (visiblePages < 0) {
            throw new IllegalArgumentException("a file has 0 or more pages: " + visiblePages);
        }
    }

    /** A file whose pages are counted here, once: the count is read several times a request. */
    public DocumentInput(String filename, String base64Data) {
        this(filename, base64Data, PdfPages.of(InlineData.bytes(base64Data)));
    }

    /** The caller's name, or {@link #DEFAULT_FILENAME}. */
    public String filenameOrDefault() {
        return filename == null ? DEFAULT_FILENAME : filename;
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

    /** The shape only: a file is the caller's prompt, and its name may say whose it is. */
    @Override
    public String toString() {
        return "DocumentInput[" + MEDIA_TYPE + ", " + base64Data.length() + " base64 chars]";
    }
}
