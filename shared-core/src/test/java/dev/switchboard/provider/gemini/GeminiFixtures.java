package dev.switchboard.provider.gemini;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/gemini. */
final class GeminiFixtures {

    private GeminiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/fixtures/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static InputStream stream(String name) {
        return new ByteArrayInputStream(bytes(name));
    }

    /** A stream fixture cut into its SSE events, each with its blank-line terminator, to send piece by piece. */
    static List<String> events(String name) {
        List<String> pieces = new ArrayList<>();
        String rest = text(name);
        int end;
        while ((end = rest.indexOf("\r\n\r\n")) >= 0) {
            pieces.add(rest.substring(0, end + 4));
            rest = rest.substring(end + 4);
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }
}
