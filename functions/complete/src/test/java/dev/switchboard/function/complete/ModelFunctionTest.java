package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /v1/models/{model} through the complete function's Lambda handler: one model, as OpenAI's clients retrieve it. */
class ModelFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");

    @RegisterExtension
    static final HttpFunctionUnderTest SLASHED = new HttpFunctionUnderTest("complete",
            Map.of("switchboard.config", "classpath:fixtures/providers/slash-model.yml"));

    @Test
    void aConfiguredModelAndAutoAreRetrievedAsTheListShowsThem() {
        assertModel(FUNCTION, "/v1/models/gpt-4o-mini", "gpt-4o-mini", "openai");
        assertModel(FUNCTION, "/v1/models/auto", "auto", "switchboard");
    }

    @Test
    void aModelWhoseNameHoldsASlashIsRetrievedByTheRestOfThePath() {
        assertModel(SLASHED, "/v1/models/meta-llama/llama-3.1-8b-instruct", "meta-llama/llama-3.1-8b-instruct", "local");
    }

    @Test
    void aModelNotConfiguredIsOpenAisNotFound() {
        APIGatewayV2HTTPResponse response = FUNCTION.send("GET", "/v1/models/gpt-5-turbo", null, null);

        assertEquals(404, response.getStatusCode(), FUNCTION.text(response));
        JsonNode error = FUNCTION.json(response).get("error");
        assertEquals("model_not_found", error.get("type").getStringValue());
        assertEquals("model_not_found", error.get("code").getStringValue());
    }

    private static void assertModel(HttpFunctionUnderTest function, String path, String id, String ownedBy) {
        APIGatewayV2HTTPResponse response = function.send("GET", path, null, null);

        assertEquals(200, response.getStatusCode(), function.text(response));
        JsonNode model = function.json(response);
        assertEquals(id, model.get("id").getStringValue());
        assertEquals("model", model.get("object").getStringValue());
        assertEquals(0, model.get("created").getLongValue());
        assertEquals(ownedBy, model.get("owned_by").getStringValue());
    }
}
