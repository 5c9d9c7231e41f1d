package dev.switchboard.provider.openai;

import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.testsupport.WireFixtures;
import java.io.InputStream;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/openai. */
final class OpenAiFixtures {

    private OpenAiFixtures() {
    }

    static byte[] bytes(String name) {
        return WireFixtures.bytes("openai", name);
    }

    static InputStream stream(String name) {
        return WireFixtures.stream("openai", name);
    }

    static List<SseEvent> events(String name) {
        return WireFixtures.events("openai", name);
    }
}
