package dev.switchboard.provider.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a text/event-stream body as the HTML standard defines it: lines "field: value", an event
 * ending at a blank line, data lines joined with newlines, comment lines (starting with ':') and
 * unknown fields ignored, and a byte order mark before the first line skipped. OpenAI and Anthropic both
 * stream this way.
 */
public final class SseReader {

    /**
     * No chat event comes near this; a line or an event beyond it is an upstream misbehaving, and is
     * refused rather than held in memory until the idle timeout.
     */
    static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SseReader() {
    }

    /**
     * Hands each event to {@code handler} until the body ends or the handler returns false.
     *
     * @return true when the handler asked to stop, false when the body ended first
     */
    public static boolean read(InputStream body, Predicate<SseEvent> handler) throws IOException {
        LineReader lines = new LineReader(body);
        String event = null;
        StringBuilder data = null;
        String line = lines.readLine();
        if (line != null && line.startsWith(BYTE_ORDER_MARK)) {
            line = line.substring(1); // the standard's one leading BOM; left on, the first field has no name we know
        }
        for (; line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                // An event with no name, or an empty one, is a "message" event.
                String type = event == null || event.isEmpty() ? "message" : event;
                if (data != null && !handler.test(new SseEvent(type, data.toString()))) {
                    return true;
                }
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                if (data.length() > MAX_EVENT_BYTES) {
                    throw new IOException("an event over " + MAX_EVENT_BYTES + " characters");
                }
            } else if (field.equals("event")) {
                event = value;
            }
        }
        // An event not closed by a blank line when the body ends is incomplete, and is dropped.
        return false;
    }

    /**
     * Lines split on the bytes themselves, handed on as soon as each is whole. A reader that decodes
     * ahead (InputStreamReader) can lose lines it already received when the connection then fails,
     * and a stream cut mid-answer must still deliver everything that came before the cut.
     */
    private static final class LineReader {

        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int position;
        private int limit;
        /** A CR ended the last line: an LF right after it belongs to the same ending. */
        private boolean afterCr;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its ending (CR LF, LF or a lone CR), or null at the end of the body. */
        String readLine() throws IOException {
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        // A last line without its ending is incomplete, like an unterminated event.
                        return null;
                    }
                }
                while (position < limit) {
                    byte b = buffer[position++];
                    if (afterCr && b == '\n') {
                        afterCr = false;
                        continue;
                    }
                    afterCr = b == '\r';
                    if (b == '\n' || b == '\r') {
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        return text;
                    }
                    line.write(b);
                    if (line.size() > MAX_EVENT_BYTES) {
                        throw new IOException("a line over " + MAX_EVENT_BYTES + " bytes");
                    }
                }
            }
        }
    }
}
