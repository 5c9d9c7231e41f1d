package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.provider.AudioFormat;
import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestAudio;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Audio parts of a chat completion's user turns: what is taken, and the 400 for each way to get one wrong. */
class AudioPartsParserTest {

    private final ChatCompletionRequestParser parser = new ChatCompletionRequestParser(JsonMapper.createDefault());

    private ChatCompletionRequest parse(String messages) {
        return parser.parse(("{\"messages\":" + messages + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String audio(String data, String format) {
        return "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"" + data + "\",\"format\":\"" + format + "\"}}";
    }

    private static String userParts(String... parts) {
        return "[{\"role\":\"user\",\"content\":[" + String.join(",", parts) + "]}]";
    }

    private InvalidRequestException refused(String messages) {
        return assertThrows(InvalidRequestException.class, () -> parse(messages));
    }

    @Test
    void aClipIsKeptInItsPlaceWithItsFormatAndLength() {
        ChatMessage turn = parse(userParts("{\"type\":\"text\",\"text\":\"Transcribe this: \"}",
                audio(TestAudio.base64Wav(1500), "wav"))).messages().get(0);

        assertEquals("Transcribe this: ", turn.content());
        AudioInput clip = ((MessagePart.Audio) turn.parts().get(1)).audio();
        assertEquals(AudioFormat.WAV, clip.format());
        assertEquals(1.5, clip.seconds(), 1e-9);
        assertEquals(TestAudio.base64Wav(1500), clip.base64Data());
        assertFalse(turn.hasImages());
        String mp3 = Base64.getEncoder().encodeToString(TestAudio.mp3(20, 0));
        assertEquals(AudioFormat.MP3, ((MessagePart.Audio) parse(userParts(audio(mp3, "mp3"))).messages().get(0)
                .parts().get(0)).audio().format(), "a clip alone is a question");
    }

    @Test
    void unpaddedBase64IsPaddedSoThatOneClipHasOneForm() {
        String padded = Base64.getEncoder().encodeToString(TestAudio.wav(2, 8_000));
        assertTrue(padded.endsWith("="), "the test needs a length that pads");

        AudioInput clip = ((MessagePart.Audio) parse(userParts(audio(padded.replace("=", ""), "wav"))).messages().get(0)
                .parts().get(0)).audio();

        assertEquals(padded, clip.base64Data());
    }

    @Test
    void eachWrongPartIsA400NamingItsField() {
        String at = "messages[0].content[0].input_audio";
        assertEquals(at + ".format", refused(userParts(audio(TestAudio.base64Wav(100), "ogg"))).field());
        assertEquals(at + ".format", refused(userParts("{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklG\"}}"))
                .field());
        assertEquals(at, refused(userParts("{\"type\":\"input_audio\",\"input_audio\":\"UklG\"}")).field());
        assertEquals(at + ".data", refused(userParts(audio("not base64!", "wav"))).field());
        assertEquals(at + ".data", refused(userParts(audio("data:audio/wav;base64," + TestAudio.base64Wav(100), "wav")))
                .field(), "OpenAI's data is base64, not a data URL");
        InvalidRequestException mislabelled = refused(userParts(audio(TestAudio.base64Wav(100), "mp3")));
        assertEquals(at + ".data", mislabelled.field());
        assertTrue(mislabelled.getMessage().contains("says mp3 but holds no MP3 audio"), mislabelled.getMessage());
    }

    @Test
    void onlyAUserTurnMayHoldAudioAndNoMoreThanTwentyClipsInAll() {
        InvalidRequestException assistant = refused("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\","
                + "\"content\":[" + audio(TestAudio.base64Wav(100), "wav") + "]}]");
        assertTrue(assistant.getMessage().contains("is an audio clip: only a user turn may hold images, files and audio"),
                assistant.getMessage());

        String clip = audio(TestAudio.base64Wav(10), "wav");
        assertEquals(20, parse(userParts(Collections.nCopies(20, clip).toArray(String[]::new))).messages().get(0)
                .audio().size());
        InvalidRequestException tooMany = refused(userParts(Collections.nCopies(21, clip).toArray(String[]::new)));
        assertEquals("messages", tooMany.field());
        assertTrue(tooMany.getMessage().contains("at most 20 audio clips"), tooMany.getMessage());
    }
}
