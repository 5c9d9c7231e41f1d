package dev.switchboard.gateway;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a virtual key owns, over real HTTP with authentication on: it may rate its own requests only
 * (another key's request is a 404 like an unknown one; the admin may rate any), and the analytics
 * routes show it its own user's requests and feedback, the admin everyone's.
 */
class KeyOwnershipGatewayTest {

    private static final String ADMIN_KEY = "local-admin-canary-47";

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

    @Test
    void analyticsShowAKeyItsOwnUsersRequestsAndTheAdminEveryones() throws Exception {
        String gina = key("gina");
        String hugo = key("hugo");
        for (String prompt : new String[] {"What is Rust?", "What is Go?"}) {
            assertEquals(200, post("/complete", gina, "{\"prompt\":\"" + prompt + "\"}").statusCode());
        }
        HttpResponse<String> hugos = post("/complete", hugo, "{\"prompt\":\"What is Java?\"}");
        String hugosId = read(hugos).get("routing_metadata").get("request_id").getStringValue();
        assertEquals(201, post("/feedback", hugo, "{\"request_id\":\"" + hugosId + "\",\"rating\":5}").statusCode());

        assertEquals(2, read(get("/stats?days=1", gina)).get("total_requests").getLongValue());
        assertEquals(1, read(get("/stats?days=1", hugo)).get("total_requests").getLongValue());
        long everyone = read(get("/stats?days=1", ADMIN_KEY)).get("total_requests").getLongValue();
        assertEquals(true, everyone >= 3, "the admin sees every user's requests: " + everyone);
        assertEquals(0, read(get("/quality/stats?days=1", gina)).get("feedback").getLongValue());
        assertEquals(1, read(get("/quality/stats?days=1", hugo)).get("feedback").getLongValue());
        assertEquals(2, read(get("/cache/stats?days=1", gina)).get("misses").getLongValue());
        assertEquals(200, get("/routing/metrics?days=1", hugo).statusCode());
        assertEquals(200, get("/insights?days=1", hugo).statusCode());
    }

    @Test
    void statsCountAKeysFailuresByTheirType() throws Exception {
        HttpResponse<String> created = post("/keys", ADMIN_KEY, "{\"user\":\"ines\",\"limits\":{\"rpm\":1}}");
        String ines = read(created).get("key").getStringValue();
        assertEquals(200, post("/complete", ines, "{\"prompt\":\"What is Rust?\"}").statusCode());
        assertEquals(429, post("/complete", ines, "{\"prompt\":\"What is Go?\"}").statusCode());

        JsonNode stats = read(get("/stats?days=1", ines));

        assertEquals(2, stats.get("total_requests").getLongValue(), stats.toString());
        assertEquals(1, stats.get("errors").getLongValue());
        JsonNode byType = stats.get("errors_by_type");
        assertEquals(1, byType.size(), stats.toString());
        assertEquals(1, byType.get("rate_limited").getLongValue());
        assertEquals(0, read(get("/stats?days=1", key("jon"))).get("errors_by_type").size(), "none: an empty object");
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return GatewayCalls.get(gateway, path, key);
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
        return GatewayCalls.post(gateway, path, key, body);
    }
}
