package dev.switchboard.provider.anthropic;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Anthropic's error bodies say, read without keeping their text. */
class AnthropicErrorBodyTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static AnthropicErrorBody read(String body) {
        return AnthropicErrorBody.read(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePromptTooLongFixtureSaysTheContextWasTooLong() {
        AnthropicErrorBody error = AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-prompt-too-long.json"));

        assertEquals("invalid_request_error", error.type());
        assertTrue(error.contextTooLong());
    }

    @Test
    void aPromptPlusMaxTokensOverTheLimitIsAlsoTooLong() {
        assertTrue(read("""
                {"type":"error","error":{"type":"invalid_request_error",
                 "message":"input length and `max_tokens` exceed context limit: 198000 + 8192 > 200000"}}""")
                .contextTooLong());
    }

    @Test
    void otherErrorsAreNotTooLongEvenWhenTheirTextSaysSo() {
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-invalid.json")).contextTooLong());
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"prompt is too long\"}}")
                .contextTooLong(), "only an invalid_request_error refuses the prompt");
        assertEquals("rate_limit_error", AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-429.json")).type());
        assertEquals("authentication_error", AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-401.json")).type());
    }

    @Test
    void creditSpendLimitAndDisabledOrganisationAreAccountRefusals() {
        assertTrue(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-credit-balance.json")).accountUnusable());
        for (String message : new String[] {"You have reached your specified API usage limits; access returns next month.",
                "This organization has been disabled."}) {
            assertTrue(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                    + message + "\"}}").accountUnusable(), message);
        }
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-invalid.json")).accountUnusable());
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-prompt-too-long.json")).accountUnusable());
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"credit balance\"}}")
                .accountUnusable(), "only an invalid_request_error says so");
    }

    @Test
    void aFieldOrModeRefusedForThisModelIsWhatTheModelCannotTakeAndNothingElseIs() {
        assertTrue(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-thinking-adaptive-only.json"))
                .modelCannot());
        assertTrue(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-temperature-deprecated.json"))
                .modelCannot());
        assertTrue(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-prefill.json")).modelCannot());
        for (String fixture : new String[] {"error-400-invalid.json", "error-400-credit-balance.json",
                "error-400-prompt-too-long.json", "error-400-output-format.json", "error-429.json"}) {
            assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes(fixture)).modelCannot(), fixture);
        }
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\""
                + "not supported for this model\"}}").modelCannot(), "only an invalid_request_error says so");
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                + "top_k: not supported\"}}").modelCannot(), "wrong for every model unless it says this model");
    }

    @Test
    void aRefusalThatSpeaksOfTheOutputFormatOrASchemaIsAFormatRefusal() {
        assertTrue(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-output-format.json")).formatRefused());
        for (String message : new String[] {"'claude-3-haiku-20240307' does not support structured outputs.",
                "output_format: Extra inputs are not permitted",
                "output_config.format.schema: Recursive schemas are not supported"}) {
            assertTrue(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                    + message + "\"}}").formatRefused(), message);
        }
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-invalid.json")).formatRefused());
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-credit-balance.json")).formatRefused());
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                + "tools.0.input_schema: JSON schema is invalid\"}}").formatRefused(), "the caller's own tool schema");
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"schema\"}}")
                .formatRefused(), "only an invalid_request_error says so");
    }

    @Test
    void aRefusalThatSpeaksOfStrictIsAStrictRefusalAndNoFormatRefusal() {
        AnthropicErrorBody strict = AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-strict-tool.json"));

        assertTrue(strict.strictRefused());
        assertFalse(strict.formatRefused());
        for (String message : new String[] {"tools.0.custom.input_schema: For 'integer' type, property 'minimum' is "
                + "not supported", "The compiled grammar is too large"}) {
            assertTrue(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                    + message + "\"}}").strictRefused(), message);
        }
        for (String message : new String[] {"messages: restricted content", "max_tokens: must be strictly positive"}) {
            assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\""
                    + message + "\"}}").strictRefused(), message);
        }
        assertFalse(AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-400-invalid.json")).strictRefused());
        assertFalse(read("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"strict\"}}")
                .strictRefused(), "only an invalid_request_error says so");
    }

    @Test
    void aBodyThatIsNotAnErrorObjectHasNoType() {
        for (String body : new String[] {"<html>Bad gateway</html>", "", "[]", "{\"error\":\"text\"}", "{\"type\":\"error\"}"}) {
            AnthropicErrorBody error = read(body);
            assertNull(error.type(), body);
            assertFalse(error.contextTooLong(), body);
            assertEquals("", error.typeSuffix(), body);
        }
    }

    @Test
    void onlyATypeThatLooksLikeATypeIsRepeated() {
        assertEquals(" (overloaded_error)", AnthropicErrorBody.read(JSON, AnthropicFixtures.bytes("error-529-overloaded.json"))
                .typeSuffix());
        assertEquals("", read("{\"error\":{\"type\":\"my key is sk-123 ok\"}}").typeSuffix());
        assertEquals("", read("{\"error\":{\"type\":\"sk-live-4f9aB2c\"}}").typeSuffix(),
                "no digits, as no HTTP error's code repeats them: a proxy may have put our key there");
    }
}
