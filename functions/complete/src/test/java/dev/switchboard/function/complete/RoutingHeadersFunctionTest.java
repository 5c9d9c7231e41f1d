package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing headers as the complete function's Lambda handler returns them to API Gateway. */
class RoutingHeadersFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");

    @Test
    void aCompleteAnswerAndItsCacheHitCarryTheirRouting() {
        String body = "{\"prompt\": \"What is Lambda? (function headers)\"}";
        APIGatewayV2HTTPResponse first = send("/complete", body);
        APIGatewayV2HTTPResponse second = send("/complete", body);

        assertEquals(200, first.getStatusCode(), FUNCTION.text(first));
        JsonNode json = FUNCTION.json(first);
        assertEquals(json.get("routing_metadata").get("request_id").getStringValue(),
                FUNCTION.header(first, "x-request-id"));
        assertEquals("gemini", FUNCTION.header(first, "x-switchboard-provider"));
        assertEquals("gemini-1.5-flash", FUNCTION.header(first, "x-switchboard-model"));
        assertEquals("complexity", FUNCTION.header(first, "x-switchboard-strategy"));
        assertEquals("0", FUNCTION.header(first, "x-switchboard-fallbacks"));
        assertEquals("miss", FUNCTION.header(first, "x-switchboard-cache"));
        assertTrue(Long.parseLong(FUNCTION.header(first, "x-switchboard-overhead-ms")) >= 0);
        assertEquals("hit", FUNCTION.header(second, "x-switchboard-cache"));
    }

    @Test
    void anErrorAfterTheIdWasAssignedCarriesItAndNothingElse() {
        APIGatewayV2HTTPResponse response = send("/v1/chat/completions",
                "{\"model\": \"gpt-9\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertEquals(404, response.getStatusCode(), FUNCTION.text(response));
        assertTrue(FUNCTION.header(response, "x-request-id").matches("[0-9a-f-]{36}"));
        assertEquals("", FUNCTION.header(response, "x-switchboard-provider"), "absent");
    }

    private static APIGatewayV2HTTPResponse send(String path, String body) {
        return FUNCTION.send("POST", path, null, body);
    }
}
