package dev.switchboard.function.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.KeyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /recommendation for a virtual key limited to some models recommends one of those. */
class RecommendForALimitedKeyTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("recommend",
            Map.of("switchboard.admin-key", "admin-canary-8Rw"));

    @Test
    void theRecommendationIsAmongTheKeysModels() {
        String key = FUNCTION.bean(KeyService.class).create(new CreateKeyCommand("lee", null, null, null, null,
                List.of("anthropic/claude-3-5-sonnet-20241022"))).key();

        APIGatewayV2HTTPResponse response = FUNCTION.send("GET", "/recommendation?prompt=hi", "Bearer " + key, null);

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("claude-3-5-sonnet-20241022", FUNCTION.json(response).get("model").getStringValue());
    }
}
