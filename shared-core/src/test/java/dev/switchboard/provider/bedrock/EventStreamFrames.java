package dev.switchboard.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A test-side encoder for the application/vnd.amazon.eventstream framing ConverseStream answers
 * in: a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes), string headers
 * (name length, name, type 7, value length, value), the payload, and a CRC32 of all of it.
 */
public final class EventStreamFrames {

    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    private static final byte STRING_HEADER = 7;

    private EventStreamFrames() {
    }

    /** An event frame: {@code :event-type} names the Converse stream member (messageStart, ...). */
    static byte[] event(String eventType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return frame(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception frame: {@code :exception-type} names the modelled error (throttlingException, ...). */
    static byte[] exception(String exceptionType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return frame(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] frame(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream encodedHeaders = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            encodedHeaders.write(nameBytes.length);
            encodedHeaders.writeBytes(nameBytes);
            encodedHeaders.write(STRING_HEADER);
            encodedHeaders.write((valueBytes.length >> 8) & 0xff);
            encodedHeaders.write(valueBytes.length & 0xff);
            encodedHeaders.writeBytes(valueBytes);
        });
        byte[] headerBytes = encodedHeaders.toByteArray();
        int total = 12 + headerBytes.length + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headerBytes.length);
        frame.putInt((int) crc(frame.array(), 0, 8));
        frame.put(headerBytes).put(payload);
        frame.putInt((int) crc(frame.array(), 0, total - 4));
        return frame.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
