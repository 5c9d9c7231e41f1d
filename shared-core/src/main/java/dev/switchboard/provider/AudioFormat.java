package dev.switchboard.provider;

import java.util.Arrays;
import java.util.Optional;

/** The audio formats OpenAI's input_audio part takes, with the media type Gemini reads them under. */
public enum AudioFormat {
    WAV("wav", "audio/wav"),
    MP3("mp3", "audio/mp3");

    private final String wireName;
    private final String mediaType;

    AudioFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    /** OpenAI's word: input_audio.format. */
    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<AudioFormat> of(String word) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(word)).findFirst();
    }
}
