package dev.switchboard.provider.gemini;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** generateContent bodies, from the wire fixtures into the unified answer. */
class GeminiResponseParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private static final ChatRequest REQUEST = new ChatRequest("gemini-2.0-flash",
            List.of(new ChatMessage("system", "Be concise."), ChatMessage.user("Say hello.")), 300);

    private final GeminiResponseParser parser = new GeminiResponseParser("gemini-main", JSON, TOKENS);

    private ChatResponse parse(String fixture) {
        return parser.parse(GeminiFixtures.bytes(fixture), REQUEST);
    }

    private ChatResponse parseText(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), REQUEST);
    }

    @Test
    void textPartsAreJoinedWithTheModelVersionAndUsage() {
        assertEquals(new ChatResponse("Hello! How can I help today?", "gemini-2.0-flash", new Usage(11, 8),
                FinishReason.STOP), parse("generate-text.json"));
    }

    @Test
    void thoughtsAreLeftOutOfTheTextButCountedAsReasoningOutputAndCachedInputIsReported() {
        ChatResponse response = parse("generate-thinking-cached.json");

        assertEquals("The capital of Norway is Oslo.", response.text());
        assertEquals(new Usage(2100, 9 + 120, 120, 2048), response.usage(),
                "Gemini bills thoughts as output: output is candidates plus thoughts");
    }

    @Test
    void functionCallsGetIdsFromTheResponseIdAndTheToolCallsFinish() {
        ChatResponse response = parse("generate-function-calls.json");

        assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
        assertEquals("", response.text());
        // bc5c1b2975f2bf7f: the first 8 bytes of the SHA-256 of the fixture's responseId, in hex.
        assertEquals(List.of(
                new ToolCall("gemini_bc5c1b2975f2bf7f_0", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"),
                new ToolCall("gemini_bc5c1b2975f2bf7f_1", "get_local_time", "{\"timezone\":\"Europe/Oslo\"}")),
                response.toolCalls());
        assertEquals(response.toolCalls(), parse("generate-function-calls.json").toolCalls(), "same answer, same ids");
    }

    @Test
    void theSameCallInTwoAnswersGetsTwoIdsSoAConversationNeverRepeatsOne() {
        String answer = """
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{}}}]},
                  "finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2}%s}""";
        String first = parseText(answer.formatted(",\"responseId\":\"Aa1bZ9turnOne\"")).toolCalls().get(0).id();
        String second = parseText(answer.formatted(",\"responseId\":\"Aa1bZ9turnTwo\"")).toolCalls().get(0).id();
        String unnamed = parseText(answer.formatted("")).toolCalls().get(0).id();
        String unnamedAgain = parseText(answer.formatted("")).toolCalls().get(0).id();

        assertEquals(4, Stream.of(first, second, unnamed, unnamedAgain).distinct().count(),
                "one key per answer: its responseId's, or a random one without");
        for (String id : List.of(first, second, unnamed, unnamedAgain)) {
            assertTrue(id.matches("gemini_[0-9a-f]{16}_0"), id);
        }
    }

    @Test
    void anIdGeminiGivesIsKept() {
        ChatResponse response = parseText("""
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"id":"fc-77","name":"f","args":{}}}]},
                  "finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2}}""");

        assertEquals(List.of(new ToolCall("fc-77", "f", "{}")), response.toolCalls());
    }

    @Test
    void eachFinishReasonMapsToTheUnifiedOne() {
        assertEquals(FinishReason.LENGTH, parse("generate-max-tokens.json").finishReason());
        for (String reason : List.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII")) {
            assertEquals(FinishReason.CONTENT_FILTER, parseText(withFinish(reason)).finishReason(), reason);
        }
        for (String reason : List.of("OTHER", "LANGUAGE", "MALFORMED_FUNCTION_CALL", "FINISH_REASON_UNSPECIFIED")) {
            assertEquals(FinishReason.OTHER, parseText(withFinish(reason)).finishReason(), reason);
        }
        assertEquals(FinishReason.OTHER, parseText("""
                {"candidates":[{"content":{"parts":[{"text":"x"}]}}]}""").finishReason(), "no finishReason at all");
    }

    private static String withFinish(String reason) {
        return """
                {"candidates":[{"content":{"parts":[{"text":"x"}],"role":"model"},"finishReason":"%s"}],
                 "usageMetadata":{"promptTokenCount":1,"candidatesTokenCount":1}}""".formatted(reason);
    }

    @Test
    void aFilteredCandidateWithoutContentIsAnEmptyContentFilterAnswer() {
        ChatResponse response = parse("generate-safety.json");

        assertEquals("", response.text());
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
        assertEquals(new Usage(14, 0), response.usage());
    }

    @Test
    void aBlockedPromptIsAnEmptyContentFilterAnswerNotAFailure() {
        ChatResponse response = parse("generate-prompt-blocked.json");

        assertEquals("", response.text());
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
        assertEquals(new Usage(9, 0), response.usage());
        assertTrue(response.toolCalls().isEmpty());
    }

    @Test
    void missingUsageIsEstimatedAndTheRequestedModelReported() {
        ChatResponse response = parse("generate-no-usage.json");

        assertEquals(UsageEstimate.of(TOKENS, REQUEST, "Water boils at 100 degrees."), response.usage());
        assertTrue(response.usage().outputTokens() > 0);
        assertEquals("gemini-2.0-flash", response.model());
    }

    @Test
    void anEstimateCountsTheFunctionCallsTheModelWrote() {
        ChatResponse response = parseText("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Checking."},
                  {"functionCall":{"name":"get_weather","args":{"city":"Oslo","unit":"celsius","days":3}}}]},
                 "finishReason":"STOP"}]}""");

        assertEquals(1, response.toolCalls().size());
        assertEquals(UsageEstimate.of(TOKENS, REQUEST, "Checking.", response.toolCalls()), response.usage());
        assertTrue(response.usage().outputTokens() > UsageEstimate.of(TOKENS, REQUEST, "Checking.").outputTokens());
    }

    @Test
    void malformedBodiesAreUnavailableWithoutEchoingTheBody() {
        for (String body : List.of("{\"candidates\": [", "[]", "\"secret prompt\"", "{}",
                "{\"candidates\":\"secret prompt\"}", "{\"candidates\":[{\"content\":{\"parts\":\"secret prompt\"}}]}",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"args\":{}}}]}}]}",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":\"secret prompt\"}}]}}]}")) {
            ProviderException e = assertThrows(ProviderException.class, () -> parseText(body), body);

            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind(), body);
            assertFalse(e.getMessage().contains("secret prompt"), e.getMessage());
        }
    }
}
