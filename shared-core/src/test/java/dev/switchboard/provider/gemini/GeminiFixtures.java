package dev.switchboard.provider.gemini;

import dev.switchboard.testsupport.WireFixtures;
import java.io.InputStream;
import java.util.List;

/** The wire fixtures under src/test/resources/fixtures/gemini. */
final class GeminiFixtures {

    private GeminiFixtures() {
    }

    static byte[] bytes(String name) {
        return WireFixtures.bytes("gemini", name);
    }

    static String text(String name) {
        return WireFixtures.text("gemini", name);
    }

    static InputStream stream(String name) {
        return WireFixtures.stream("gemini", name);
    }

    /** A stream fixture cut into its SSE events, each with its blank-line terminator, to send piece by piece. */
    static List<String> events(String name) {
        return WireFixtures.ssePieces("gemini", name);
    }
}
