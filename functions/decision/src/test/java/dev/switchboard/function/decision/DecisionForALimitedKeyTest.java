package dev.switchboard.function.decision;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.KeyService;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /routing/decision for a virtual key limited to some models decides among those, and says why not the others. */
class DecisionForALimitedKeyTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("decision",
            Map.of("switchboard.admin-key", "admin-canary-5Tz"));

    @Test
    void theDecisionIsAmongTheKeysModels() {
        String key = FUNCTION.bean(KeyService.class).create(new CreateKeyCommand("kim", null, null, null, null,
                List.of("anthropic/claude-3-5-haiku-20241022"))).key();

        APIGatewayV2HTTPResponse response = FUNCTION.send("GET",
                "/routing/decision?prompt=Prove%20that%20the%20square%20root%20of%202%20is%20irrational",
                "Bearer " + key, null);

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("claude-3-5-haiku-20241022", body.get("decision").get("model").getStringValue());
        JsonNode excluded = body.get("metadata").get("excluded");
        assertEquals(4, excluded.size(), FUNCTION.text(response));
        assertEquals("is not among the models the caller's key may use", excluded.get(0).get("reason").getStringValue());
    }
}
