package dev.switchboard.provider;

import java.util.Objects;

/**
 * An audio clip in a user turn, as OpenAI's {@code input_audio} part gives it: its bytes in base64 and their
 * format. OpenAI and compatible servers take it as that part, Gemini as inline data; Anthropic's Messages
 * API and Converse take no audio.
 *
 * @param seconds how long it plays, from its header (see {@link AudioDuration}); at least 0
 */
public record AudioInput(AudioFormat format, String base64Data, double seconds) {

    public AudioInput {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(base64Data, "base64Data");
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("a clip plays 0 seconds or more: " + seconds);
        }
    }

    public byte[] bytes() {
        return InlineData.bytes(base64Data);
    }

    public long byteCount() {
        return InlineData.byteCount(base64Data);
    }

    /** The shape only: a clip is the caller's prompt. */
    @Override
    public String toString() {
        return "AudioInput[" + format.wireName() + ", " + base64Data.length() + " base64 chars, " + seconds + " s]";
    }
}
