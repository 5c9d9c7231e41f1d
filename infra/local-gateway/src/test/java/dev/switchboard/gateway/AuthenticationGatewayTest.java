package dev.switchboard.gateway;

import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.KeyModels;
import dev.switchboard.service.KeyService;
import dev.switchboard.state.VirtualKeyStore;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local gateway with an admin key set, over real HTTP: the admin creates a virtual key, and
 * that key (and only a valid key) gets answers from /complete and /v1/chat/completions.
 */
class AuthenticationGatewayTest {

    private static final String ADMIN_KEY = "local-admin-canary-31";

    @TempDir
    static Path data;

    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        gateway = GatewayCalls.startWithAdminKey(data, ADMIN_KEY);
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aKeyTheAdminCreatedAuthenticatesOnCompleteAndChat() throws Exception {
        HttpResponse<String> created = post("/keys", ADMIN_KEY,
                "{\"user\":\"erin\",\"budget\":{\"daily_usd\":2.5},\"limits\":{\"rpm\":100}}");
        assertEquals(201, created.statusCode(), created.body());
        String key = json.readValue(created.body(), JsonNode.class).get("key").getStringValue();

        HttpResponse<String> complete = post("/complete", key, "{\"prompt\":\"hi\"}");
        HttpResponse<String> chat = post("/v1/chat/completions", key,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(200, complete.statusCode(), complete.body());
        assertEquals(200, chat.statusCode(), chat.body());
    }

    @Test
    void withoutAValidKeyCompleteIs401AndAVirtualKeyCannotCreateKeys() throws Exception {
        HttpResponse<String> none = post("/complete", null, "{\"prompt\":\"hi\"}");
        HttpResponse<String> wrong = post("/complete", "sb-" + "Z".repeat(43), "{\"prompt\":\"hi\"}");
        String key = json.readValue(post("/keys", ADMIN_KEY, "{\"user\":\"frank\"}").body(), JsonNode.class)
                .get("key").getStringValue();
        HttpResponse<String> escalation = post("/keys", key, "{\"user\":\"frank\"}");

        assertEquals(401, none.statusCode(), none.body());
        assertEquals("Bearer", none.headers().firstValue("www-authenticate").orElse(""));
        assertEquals("unauthorized", json.readValue(none.body(), JsonNode.class).get("error").get("type")
                .getStringValue());
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(403, escalation.statusCode(), escalation.body());
    }

    @Test
    void aKeyAnotherInstanceCreatedIsLookedUpAndAuthenticates() throws Exception {
        // Another instance's KeyService on the same store: this gateway's key cache does not hold the key,
        // so its filter hands the lookup to the blocking executor.
        String key = new KeyService(gateway.context().getBean(VirtualKeyStore.class), new SecureRandom(),
                Clock.systemUTC(), gateway.context().getBean(KeyModels.class))
                .create(new CreateKeyCommand("grace", null, null, null)).key();

        HttpResponse<String> complete = post("/complete", key, "{\"prompt\":\"hi\"}");

        assertEquals(200, complete.statusCode(), complete.body());
    }

    @Test
    void aKeyLimitedToSomeModelsIsRoutedAmongThemSeesOnlyThemAndIs403PinningAnother() throws Exception {
        // Created by another instance, so that this gateway reads the key's models from the store.
        String key = new KeyService(gateway.context().getBean(VirtualKeyStore.class), new SecureRandom(),
                Clock.systemUTC(), gateway.context().getBean(KeyModels.class))
                .create(new CreateKeyCommand("judy", null, null, null, null, List.of("gemini", "openai/gpt-4o-mini")))
                .key();
        String hard = "Design a distributed consensus algorithm tolerating Byzantine faults, prove its safety and "
                + "liveness step by step and analyse its message complexity against PBFT and HotStuff.";

        HttpResponse<String> complete = post("/complete", key, "{\"prompt\":\"" + hard + "\",\"max_tokens\":50}");
        HttpResponse<String> pinned = post("/v1/chat/completions", key,
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> models = GatewayCalls.get(gateway, "/v1/models", key);

        assertEquals(200, complete.statusCode(), complete.body());
        String model = json.readValue(complete.body(), JsonNode.class).get("model").getStringValue();
        assertTrue(model.equals("gemini-1.5-flash") || model.equals("gpt-4o-mini"), "answered by " + model);
        assertEquals(403, pinned.statusCode(), pinned.body());
        JsonNode error = json.readValue(pinned.body(), JsonNode.class).get("error");
        assertEquals("model_not_allowed", error.get("type").getStringValue());
        assertEquals("model", error.get("field").getStringValue());
        assertEquals(200, models.statusCode(), models.body());
        JsonNode data = json.readValue(models.body(), JsonNode.class).get("data");
        assertEquals(3, data.size(), models.body());
        assertEquals("gemini-1.5-flash", data.get(1).get("id").getStringValue());
        assertEquals("gpt-4o-mini", data.get(2).get("id").getStringValue());
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return GatewayCalls.post(gateway, path, key, body);
    }
}
