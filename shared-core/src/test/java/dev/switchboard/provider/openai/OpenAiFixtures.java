package dev.switchboard.provider.openai;

import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.provider.sse.SseReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/openai. */
final class OpenAiFixtures {

    private OpenAiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String name) {
        return new java.io.ByteArrayInputStream(bytes(name));
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
}
