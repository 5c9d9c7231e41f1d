package dev.switchboard.gateway;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /feedback over real HTTP with authentication on: a key may rate its own requests only; another
 * key's request is a 404 like an unknown one; the admin may rate any.
 */
class FeedbackOwnershipGatewayTest {

    private static final String ADMIN_KEY = "local-admin-canary-47";

    @TempDir
    static Path data;

    private static LocalGateway gateway;
    private static JsonMapper json;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of(
                "PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString()));
        gateway = LocalGateway.start(settings, Map.of(
                "switchboard.config", "classpath:fixtures/providers/instant-simulated.yml",
                "switchboard.admin-key", ADMIN_KEY));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void onlyTheOwnerAndTheAdminMayRateARequest() throws Exception {
        String erin = key("erin");
        String frank = key("frank");
        HttpResponse<String> answered = post("/complete", erin, "{\"prompt\":\"What is Python?\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        String id = read(answered).get("routing_metadata").get("request_id").getStringValue();
        String rating = "{\"request_id\":\"" + id + "\",\"rating\":4}";

        HttpResponse<String> byFrank = post("/feedback", frank, rating);
        HttpResponse<String> byErin = post("/feedback", erin, rating);
        HttpResponse<String> byAdmin = post("/feedback", ADMIN_KEY, rating);
        HttpResponse<String> anonymous = post("/feedback", null, rating);

        assertEquals(404, byFrank.statusCode(), byFrank.body());
        assertEquals("not_found", read(byFrank).get("error").get("type").getStringValue());
        assertEquals(201, byErin.statusCode(), byErin.body());
        assertEquals(id, read(byErin).get("request_id").getStringValue());
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    private static String key(String user) throws Exception {
        HttpResponse<String> created = post("/keys", ADMIN_KEY, "{\"user\":\"" + user + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return read(created).get("key").getStringValue();
    }

    private static JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readValue(response.body(), JsonNode.class);
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.address() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
