package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /v1/models through the complete function's Lambda handler, in the shape OpenAI's clients read. */
class ModelsFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");

    @Test
    void listsAutoThenEachConfiguredModelOnceAsOpenAiDoes() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/models-get.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("list", body.get("object").getStringValue());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < body.get("data").size(); i++) {
            JsonNode model = body.get("data").get(i);
            assertEquals("model", model.get("object").getStringValue());
            assertEquals(0, model.get("created").getLongValue());
            ids.add(model.get("id").getStringValue() + "@" + model.get("owned_by").getStringValue());
        }
        // The built-in providers file: what a chat completion may name as its model.
        assertEquals(List.of("auto@switchboard", "gemini-1.5-flash@gemini", "gpt-4o-mini@openai", "gpt-4o@openai",
                "claude-3-5-haiku-20241022@anthropic", "claude-3-5-sonnet-20241022@anthropic"), ids);
    }
}
