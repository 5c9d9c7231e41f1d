package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.provider.sse.SseReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/anthropic. */
final class AnthropicFixtures {

    private AnthropicFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = AnthropicFixtures.class.getResourceAsStream("/fixtures/anthropic/" + name)) {
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

    /** Every event of a stream fixture, read with the production SSE reader. */
    static List<SseEvent> events(String name) {
        List<SseEvent> events = new ArrayList<>();
        try {
            SseReader.read(stream(name), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** A stream fixture cut into its events as the wire sends them (each ending in its blank line). */
    static List<String> pieces(String name) {
        List<String> pieces = new ArrayList<>();
        for (String event : text(name).split("\n\n")) {
            if (!event.isBlank()) {
                pieces.add(event + "\n\n");
            }
        }
        return pieces;
    }
}
