package dev.switchboard.testsupport;

import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.provider.sse.SseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/{provider}/, as bytes, text, events or pieces. */
public final class WireFixtures {

    private WireFixtures() {
    }

    public static byte[] bytes(String provider, String name) {
        String path = "/fixtures/" + provider + "/" + name;
        try (InputStream in = WireFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String provider, String name) {
        return new String(bytes(provider, name), StandardCharsets.UTF_8);
    }

    public static InputStream stream(String provider, String name) {
        return new ByteArrayInputStream(bytes(provider, name));
    }

    /** Every event of a stream fixture, read with the production SSE reader. */
    public static List<SseEvent> events(String provider, String name) {
        List<SseEvent> events = new ArrayList<>();
        try {
            SseReader.read(stream(provider, name), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /**
     * A stream fixture cut into its events as the wire sends them, each ending with its blank line
     * (LF or CR LF), so that an upstream stand-in can send them one by one.
     */
    public static List<String> ssePieces(String provider, String name) {
        return ssePieces(text(provider, name));
    }

    public static List<String> ssePieces(String sse) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < sse.length(); i++) {
            int end = sse.startsWith("\r\n\r\n", i) ? i + 4 : sse.startsWith("\n\n", i) ? i + 2 : -1;
            if (end > 0) {
                pieces.add(sse.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < sse.length() && !sse.substring(start).isBlank()) {
            pieces.add(sse.substring(start));
        }
        return pieces;
    }
}
