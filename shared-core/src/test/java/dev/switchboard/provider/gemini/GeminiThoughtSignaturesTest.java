package dev.switchboard.provider.gemini;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.switchboard.provider.gemini.GeminiRequestMapperTest.TIME_CALL;
import static dev.switchboard.provider.gemini.GeminiRequestMapperTest.WEATHER_CALL;
import static dev.switchboard.provider.gemini.GeminiRequestMapperTest.body;
import static dev.switchboard.provider.gemini.GeminiRequestMapperTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thought signatures on the function calls a conversation sends back to Gemini, and which models refuse a call without
 * one; requests are mapped and read as in {@link GeminiRequestMapperTest}.
 */
class GeminiThoughtSignaturesTest {

    @Test
    void aCallsThoughtSignatureGoesBackOnItsPartAsGeminiGaveIt() throws IOException {
        ChatRequest request = new ChatRequest("gemini-3-pro-preview", List.of(ChatMessage.user("Weather and time?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}",
                        "CiQBsigOne=="), TIME_CALL), null),
                new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "call_1"),
                new ChatMessage("tool", "14:05", List.of(), "call_2")), 100);

        assertEquals(tree("""
                {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}},"thoughtSignature":"CiQBsigOne=="},
                                         {"functionCall":{"name":"get_local_time","args":{"timezone":"Europe/Oslo"}}}]}"""),
                body(request).get("contents").get(1), "the parallel call Gemini signed no more than the first goes unsigned");
    }

    @Test
    void aGemini3TurnWithoutSignaturesGetsGooglesStandInOnItsFirstCallAndOlderModelsGetNone() throws IOException {
        for (String model : List.of("gemini-3-pro-preview", "gemini-3.1-flash", "models/gemini-3-flash-preview",
                "gemini-2.5-flash", "gemini-1.5-pro")) {
            ChatRequest request = new ChatRequest(model, List.of(ChatMessage.user("Weather and time?"),
                    new ChatMessage("assistant", "Checking.", List.of(WEATHER_CALL, TIME_CALL), null),
                    new ChatMessage("tool", "{\"temp_c\":3}", List.of(), "call_1"),
                    new ChatMessage("tool", "14:05", List.of(), "call_2"),
                    new ChatMessage("assistant", "", List.of(new ToolCall("call_3", "now", "{}")), null),
                    new ChatMessage("tool", "14:06", List.of(), "call_3")), 100);
            boolean gemini3 = model.contains("gemini-3");
            String signed = gemini3 ? ",\"thoughtSignature\":\"skip_thought_signature_validator\"" : "";

            JsonNode contents = body(request).get("contents");

            assertEquals(tree("""
                    {"role":"model","parts":[{"text":"Checking."},
                      {"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}%s},
                      {"functionCall":{"name":"get_local_time","args":{"timezone":"Europe/Oslo"}}}]}""".formatted(signed)),
                    contents.get(1), model);
            assertEquals(tree("""
                    {"role":"model","parts":[{"functionCall":{"name":"now","args":{}}%s}]}""".formatted(signed)),
                    contents.get(3), model + ": every step's first call");
        }
    }

    @Test
    void gemini3AndLaterRefuseAnUnsignedCallAndEarlierModelsAndAliasesAreNotKnownTo() {
        for (String model : List.of("gemini-3-pro-preview", "gemini-3.1-flash-lite", "models/gemini-3-flash-preview",
                "publishers/google/models/gemini-4-pro", "gemini-10-ultra")) {
            assertTrue(GeminiThoughtSignatures.required(model), model);
        }
        for (String model : List.of("gemini-2.5-pro", "gemini-1.5-flash", "gemini-flash-latest", "learnlm-2.0-flash",
                "my-gemini-3-proxy", "gemini-99999999999999")) {
            assertFalse(GeminiThoughtSignatures.required(model), model);
        }
    }
}
