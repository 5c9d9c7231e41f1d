package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.testsupport.WireFixtures;
import java.io.InputStream;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/anthropic. */
final class AnthropicFixtures {

    private AnthropicFixtures() {
    }

    static byte[] bytes(String name) {
        return WireFixtures.bytes("anthropic", name);
    }

    static String text(String name) {
        return WireFixtures.text("anthropic", name);
    }

    static InputStream stream(String name) {
        return WireFixtures.stream("anthropic", name);
    }

    static List<SseEvent> events(String name) {
        return WireFixtures.events("anthropic", name);
    }

    /** A stream fixture cut into its events as the wire sends them (each ending in its blank line). */
    static List<String> pieces(String name) {
        return WireFixtures.ssePieces("anthropic", name);
    }
}
