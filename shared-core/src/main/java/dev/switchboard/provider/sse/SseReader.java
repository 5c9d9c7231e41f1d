package dev.switchboard.provider.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a text/event-stream body as the HTML standard defines it: lines "field: value", an event
 * ending at a blank line, data lines joined with newlines, comment lines (starting with ':') and
 * unknown fields ignored. OpenAI and Anthropic both stream this way.
 */
public final class SseReader {

    private SseReader() {
    }

    /**
     * Hands each event to {@code handler} until the body ends or the handler returns false.
     *
     * @return true when the handler asked to stop, false when the body ended first
     */
    public static boolean read(InputStream body, Predicate<SseEvent> handler) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
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
            } else if (field.equals("event")) {
                event = value;
            }
        }
        // An event not closed by a blank line when the body ends is incomplete, and is dropped.
        return false;
    }
}
