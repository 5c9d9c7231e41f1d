package dev.switchboard.api;

import dev.switchboard.provider.DocumentInput;
import io.micronaut.json.tree.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code file} part of a user turn ({@code {"type": "file", "file": {"file_data": ..., "filename": ...}}}),
 * each error a 400 naming the field. The file is a PDF given inline as a base64 data URL; a file stored with
 * OpenAI ({@code file_id}) is refused, since no other provider can read it.
 */
final class FilePartParser {

    static final int MAX_FILENAME_CHARS = 255;
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private FilePartParser() {
    }

    static DocumentInput document(JsonNode part, String path) {
        JsonNode file = part.get("file");
        String filePath = path + ".file";
        if (file == null || !file.isObject()) {
            throw new InvalidRequestException(filePath, "'" + filePath + "' must be an object with file_data");
        }
        if (file.get("file_id") != null && !file.get("file_id").isNull()) {
            throw new InvalidRequestException(filePath + ".file_id", "'" + filePath + ".file_id' names a file stored "
                    + "with OpenAI, which other providers cannot read: send the file inline as file_data");
        }
        String dataPath = filePath + ".file_data";
        JsonNode data = file.get("file_data");
        if (data == null || !data.isString() || data.getStringValue().isBlank()) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' must be a non-blank string");
        }
        DataUrl url = DataUrl.read(data.getStringValue(), dataPath, "data:application/pdf;base64,...");
        if (!url.mediaType().equals(DocumentInput.MEDIA_TYPE)) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' must hold a PDF file (application/pdf); "
                    + "other files are not supported yet");
        }
        if (!startsWithSignature(url.bytes())) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' says application/pdf but holds no PDF file");
        }
        return new DocumentInput(filename(file.get("filename"), filePath + ".filename"), url.base64());
    }

    private static String filename(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.getStringValue().isBlank() || node.getStringValue().length() > MAX_FILENAME_CHARS) {
            throw new InvalidRequestException(path, "'" + path + "' must be a non-blank string of at most "
                    + MAX_FILENAME_CHARS + " characters");
        }
        return node.getStringValue();
    }

    private static boolean startsWithSignature(byte[] bytes) {
        return bytes.length >= PDF_SIGNATURE.length
                && Arrays.equals(bytes, 0, PDF_SIGNATURE.length, PDF_SIGNATURE, 0, PDF_SIGNATURE.length);
    }
}
