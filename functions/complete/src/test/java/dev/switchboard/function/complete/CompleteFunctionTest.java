package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.tree.JsonNode;
import dev.switchboard.function.HttpFunctionUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The complete function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class CompleteFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");

    @Test
    void answersAPromptSentAsABase64Body() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/complete-base64.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("complexity", body.get("strategy_used").getStringValue());
        assertEquals("gemini-1.5-flash", body.get("model").getStringValue());
        assertTrue(body.get("response").getStringValue().contains("What is Python?"));
        assertFalse(body.get("cache_hit").getBooleanValue());
        assertTrue(body.get("total_cost_today").getDoubleValue() > 0);
        assertTrue(FUNCTION.header(response, "content-type").startsWith("application/json"));
    }

    @Test
    void refusesABodyThatIsNotUtf8RatherThanAnsweringAGarbledPrompt() {
        // Windows PowerShell 5.1 sends a string body as ISO-8859-1: "é" is the single byte 0xE9.
        byte[] latin1 = "{\"prompt\":\"R\u00e9sum\u00e9 this\",\"max_tokens\":100}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/complete-base64.json", latin1);

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        JsonNode error = FUNCTION.json(response).get("error");
        assertEquals("invalid_request", error.get("type").getStringValue());
        assertEquals("Request body is not UTF-8 text", error.get("message").getStringValue());
    }

    @Test
    void answersAPromptSentAsAPlainBody() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/complete-plain.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("medium", FUNCTION.json(response).get("confidence").getStringValue());
    }

    @Test
    void refusesAnOutOfRangeMaxTokensNamingTheField() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/complete-bad-max-tokens.json");

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        JsonNode error = FUNCTION.json(response).get("error");
        assertEquals("invalid_request", error.get("type").getStringValue());
        assertEquals("max_tokens", error.get("field").getStringValue());
    }
}
