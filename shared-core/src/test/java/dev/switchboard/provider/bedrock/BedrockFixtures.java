package dev.switchboard.provider.bedrock;

import dev.switchboard.testsupport.WireFixtures;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire fixtures under src/test/resources/fixtures/bedrock. A {@code .events} file is a stream
 * written as text, one frame a line: {@code <eventType> <json payload>}, or
 * {@code !<exceptionType> <json payload>} for an exception frame; {@link #frames} encodes them.
 */
public final class BedrockFixtures {

    private BedrockFixtures() {
    }

    static String text(String name) {
        return WireFixtures.text("bedrock", name);
    }

    /** Each line of an {@code .events} fixture as one encoded frame. */
    public static List<byte[]> frames(String name) {
        List<byte[]> frames = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String type = line.substring(0, space);
            String json = line.substring(space + 1).strip();
            frames.add(type.startsWith("!") ? EventStreamFrames.exception(type.substring(1), json)
                    : EventStreamFrames.event(type, json));
        }
        return frames;
    }
}
