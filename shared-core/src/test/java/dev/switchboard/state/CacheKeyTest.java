package dev.switchboard.state;

import dev.switchboard.provider.TestAudio;
import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.AudioFormat;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheKeyTest {

    private static final String ROUTE = "model:gpt-4o";
    private static final ToolDefinition WEATHER = new ToolDefinition("weather", "Current weather",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
    private static final List<ChatMessage> CHAT = List.of(
            new ChatMessage("system", "Be brief."), ChatMessage.user("What is the weather in Oslo?"));

    private static CacheKey key(List<ChatMessage> messages) {
        return CacheKey.of(ROUTE, messages, 256, 0.2, List.of(WEATHER));
    }

    private static List<ChatMessage> users(String... contents) {
        return java.util.Arrays.stream(contents).map(ChatMessage::user).toList();
    }

    @Test
    void theSameRequestHasTheSameKeyOf64LowercaseHexDigits() {
        CacheKey key = key(CHAT);

        assertEquals(key, key(List.copyOf(CHAT)));
        assertTrue(key.value().matches("[0-9a-f]{64}"), key.value());
    }

    @Test
    void everyFieldThatCanChangeTheAnswerChangesTheKey() {
        CacheKey base = key(CHAT);
        List<CacheKey> variants = List.of(
                CacheKey.of("model:gpt-4o-mini", CHAT, 256, 0.2, List.of(WEATHER)),
                CacheKey.of("auto:complexity", CHAT, 256, 0.2, List.of(WEATHER)),
                key(List.of(new ChatMessage("system", "Be brief!"), CHAT.get(1))),
                key(List.of(new ChatMessage("user", "Be brief."), CHAT.get(1))),
                key(List.of(CHAT.get(1), CHAT.get(0))),
                key(List.of(CHAT.get(1))),
                CacheKey.of(ROUTE, CHAT, 257, 0.2, List.of(WEATHER)),
                CacheKey.of(ROUTE, CHAT, null, 0.2, List.of(WEATHER)),
                CacheKey.of(ROUTE, CHAT, 256, 0.3, List.of(WEATHER)),
                CacheKey.of(ROUTE, CHAT, 256, null, List.of(WEATHER)),
                CacheKey.of(ROUTE, CHAT, 256, 0.2, List.of()),
                CacheKey.of(ROUTE, CHAT, 256, 0.2, List.of(new ToolDefinition("weather", "Weather now",
                        WEATHER.parametersJson()))),
                CacheKey.of(ROUTE, CHAT, 256, 0.2, List.of(new ToolDefinition("weather", null,
                        WEATHER.parametersJson()))),
                CacheKey.of(ROUTE, CHAT, 256, 0.2, List.of(new ToolDefinition("weather", "Current weather", "{}"))),
                CacheKey.of(ROUTE, CHAT, 256, 0.2, List.of(WEATHER, new ToolDefinition("time", "Now", "{}"))));

        for (CacheKey variant : variants) {
            assertNotEquals(base, variant);
        }
        assertEquals(variants.size(), variants.stream().distinct().count(), "every variant differs from the others");
    }

    @Test
    void toolCallsAndToolAnswersInTheConversationChangeTheKey() {
        ChatMessage asked = new ChatMessage("assistant", "", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}")), null);
        ChatMessage answered = new ChatMessage("tool", "-3 C", List.of(), "call_1");
        CacheKey base = key(List.of(CHAT.get(1), asked, answered));

        assertNotEquals(base, key(List.of(CHAT.get(1), new ChatMessage("assistant", "",
                List.of(new ToolCall("call_1", "weather", "{\"city\":\"Bergen\"}")), null), answered)));
        assertNotEquals(base, key(List.of(CHAT.get(1), asked, new ChatMessage("tool", "-3 C", List.of(), "call_2"))));
        assertNotEquals(base, key(List.of(CHAT.get(1), new ChatMessage("assistant", ""), answered)));
    }

    @Test
    void lineEndingsAndTrailingWhitespaceOfContentAreNormalised() {
        CacheKey base = key(users("line one\nline two"));

        assertEquals(base, key(users("line one\r\nline two")));
        assertEquals(base, key(users("line one\rline two")));
        assertEquals(base, key(users("line one\nline two \n\t\r\n")));
        assertEquals(CacheKey.of(ROUTE, CHAT, 256, 0.0, null), CacheKey.of(ROUTE, CHAT, 256, -0.0, List.of()),
                "no tools is no tools, and -0.0 is 0.0");
    }

    @Test
    void caseAndInnerOrLeadingWhitespaceAreNotNormalised() {
        CacheKey base = key(users("line one\nline two"));

        assertNotEquals(base, key(users("Line one\nline two")));
        assertNotEquals(base, key(users("line  one\nline two")));
        assertNotEquals(base, key(users("line one\n\nline two")));
        assertNotEquals(base, key(users("  line one\nline two")));
        assertNotEquals(key(CHAT), CacheKey.of("MODEL:gpt-4o", CHAT, 256, 0.2, List.of(WEATHER)));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertNotEquals(key(users("ab", "c")), key(users("a", "bc")));
        assertNotEquals(key(users("a", "")), key(users("", "a")));
        assertNotEquals(key(users("a")), key(users("a", "")));
        assertNotEquals(CacheKey.of("model:a", users("bc"), null, null, null),
                CacheKey.of("model:ab", users("c"), null, null, null));
        assertNotEquals(CacheKey.of(ROUTE, CHAT, 1, null, null), CacheKey.of(ROUTE, CHAT, null, 1.0, null),
                "a max_tokens is never taken for a temperature");
        assertNotEquals(
                CacheKey.of(ROUTE, CHAT, null, null, List.of(new ToolDefinition("ab", "c", "{}"))),
                CacheKey.of(ROUTE, CHAT, null, null, List.of(new ToolDefinition("a", "bc", "{}"))));
    }

    @Test
    void onlyAHashIsAKey() {
        assertThrows(IllegalArgumentException.class, () -> new CacheKey("ABC"));
        assertThrows(IllegalArgumentException.class, () -> new CacheKey("A".repeat(64)));
        assertThrows(NullPointerException.class, () -> new CacheKey(null));
        assertThrows(NullPointerException.class, () -> CacheKey.of(null, CHAT, null, null, null));
        assertEquals("0".repeat(64), new CacheKey("0".repeat(64)).value());
    }

    private static ChatMessage looking(MessagePart... parts) {
        return ChatMessage.userWithParts(List.of(parts));
    }

    @Test
    void aTurnsImagesAndTheirPlaceAmongItsTextAreKeyed() {
        MessagePart question = new MessagePart.Text("Which is bigger?");
        MessagePart small = new MessagePart.Image(TestImages.png(2, 2));
        MessagePart large = new MessagePart.Image(TestImages.png(3, 3));
        CacheKey key = key(List.of(looking(question, small, large)));

        assertEquals(key, key(List.of(looking(question, new MessagePart.Image(TestImages.png(2, 2)), large))),
                "the same bytes");
        assertNotEquals(key, key(List.of(looking(question, large, small))), "another order");
        assertNotEquals(key, key(List.of(looking(small, question, large))), "the text elsewhere");
        assertNotEquals(key, key(List.of(looking(question, small))), "one image fewer");
        assertNotEquals(key, key(List.of(ChatMessage.user("Which is bigger?"))), "no images");
        ImageInput smallLow = ImageInput.inline("image/png", ((MessagePart.Image) small).image().base64Data(), "low");
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Image(smallLow), large))), "another detail");
    }

    @Test
    void aTurnsFilesAndTheirNamesAreKeyed() {
        MessagePart question = new MessagePart.Text("Summarise");
        CacheKey key = key(List.of(looking(question, new MessagePart.Document(TestDocuments.document("a.pdf", 1)))));

        assertEquals(key, key(List.of(looking(question, new MessagePart.Document(TestDocuments.document("a.pdf", 1))))));
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Document(TestDocuments.document("a.pdf", 2))))),
                "another file");
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Document(TestDocuments.document("b.pdf", 1))))),
                "another name, which the model reads");
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Document(TestDocuments.document(null, 1))))),
                "no name");
    }

    @Test
    void aTurnsAudioIsKeyedByItsBytesAndFormat() {
        MessagePart question = new MessagePart.Text("Transcribe");
        CacheKey key = key(List.of(looking(question, new MessagePart.Audio(TestAudio.wavClip(100)))));

        assertEquals(key, key(List.of(looking(question, new MessagePart.Audio(TestAudio.wavClip(100))))));
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Audio(TestAudio.wavClip(200))))),
                "another clip");
        AudioInput clip = TestAudio.wavClip(100);
        assertNotEquals(key, key(List.of(looking(question, new MessagePart.Audio(new AudioInput(AudioFormat.MP3,
                clip.base64Data(), clip.seconds()))))), "the same bytes named another format");
    }

    @Test
    void aRequestOfTextAloneKeepsTheKeyItHadBeforeImagesWereTaken() {
        // Computed by the code before (20e8fe7): entries written then still match after an upgrade.
        assertEquals("2e68b5dcff9b765f76ba8becfacb202c14cc62a853f51bbaf45b0a3136674dfc", CacheKey.of("model:gpt-4o",
                CHAT, 256, 0.2, List.of(new ToolDefinition("weather", "Current weather", "{\"type\":\"object\"}")))
                .value());
    }
}
