package dev.switchboard.api;

import dev.switchboard.provider.AudioDuration;
import dev.switchboard.provider.AudioFormat;
import dev.switchboard.provider.AudioInput;
import io.micronaut.json.tree.JsonNode;

import java.util.Base64;

/**
 * An {@code input_audio} part of a user turn ({@code {"type": "input_audio", "input_audio": {"data": ...,
 * "format": "wav" | "mp3"}}}), each error a 400 naming the field. The data is the clip's bytes in base64 (not
 * a data URL, as OpenAI has it), and its header must be of the format named, with a length it tells.
 */
final class AudioPartParser {

    private AudioPartParser() {
    }

    static AudioInput audio(JsonNode part, String path) {
        JsonNode audio = part.get("input_audio");
        String audioPath = path + ".input_audio";
        if (audio == null || !audio.isObject()) {
            throw new InvalidRequestException(audioPath, "'" + audioPath + "' must be an object with data and format");
        }
        String formatPath = audioPath + ".format";
        JsonNode formatNode = audio.get("format");
        AudioFormat format = formatNode != null && formatNode.isString()
                ? AudioFormat.of(formatNode.getStringValue()).orElse(null) : null;
        if (format == null) {
            throw new InvalidRequestException(formatPath, "'" + formatPath + "' must be \"wav\" or \"mp3\"");
        }
        String dataPath = audioPath + ".data";
        JsonNode data = audio.get("data");
        if (data == null || !data.isString() || data.getStringValue().isBlank()) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' must be the clip's bytes in base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' must be standard base64 without line "
                    + "breaks (not a data URL)");
        }
        double seconds = AudioDuration.of(format, bytes);
        if (seconds < 0) {
            throw new InvalidRequestException(dataPath, "'" + dataPath + "' says " + format.wireName()
                    + " but holds no " + format.name() + " audio whose header gives its length");
        }
        return new AudioInput(format, Base64.getEncoder().encodeToString(bytes), seconds);
    }
}
