package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import dev.switchboard.testsupport.LogLines;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST, GET and DELETE /keys and authentication through the metrics function's Lambda handler, with an admin key set. */
class KeysFunctionTest {

    private static final String ADMIN_KEY = "admin-canary-7Qx2";
    private static final String ADMIN = "Bearer " + ADMIN_KEY;

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics",
            Map.of("switchboard.admin-key", ADMIN_KEY));

    @Test
    void theAdminCreatesAKeyAndSeesItOnceWithEveryField() {
        APIGatewayV2HTTPResponse response = send("POST", "/keys", ADMIN, """
                {"user": "alice", "name": "ci", "budget": {"daily_usd": 5.0, "monthly_usd": 100.0},
                 "limits": {"rpm": 60, "tpm": 100000}}""");

        assertEquals(201, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"), "no cache may keep the key");
        JsonNode body = FUNCTION.json(response);
        assertTrue(body.get("key").getStringValue().matches("sb-[A-Za-z0-9_-]{43}"));
        assertTrue(body.get("id").getStringValue().matches("vk_[A-Za-z0-9_-]{16}"));
        assertEquals("alice", body.get("user").getStringValue());
        assertEquals("ci", body.get("name").getStringValue());
        assertEquals(5.0, body.get("budget").get("daily_usd").getDoubleValue());
        assertEquals(100.0, body.get("budget").get("monthly_usd").getDoubleValue());
        assertEquals(60, body.get("limits").get("rpm").getLongValue());
        assertEquals(100_000, body.get("limits").get("tpm").getLongValue());
        assertTrue(body.get("created_at").getStringValue().endsWith("Z"));
    }

    @Test
    void aKeyMayBeGivenAnExpiryWhichItsAnswerAndTheListShow() {
        APIGatewayV2HTTPResponse response = send("POST", "/keys", ADMIN,
                "{\"user\": \"heidi\", \"expires_at\": \"2099-06-30T12:00:00+02:00\"}");

        assertEquals(201, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("2099-06-30T10:00:00Z", FUNCTION.json(response).get("expires_at").getStringValue());
        JsonNode listed = FUNCTION.json(send("GET", "/keys?user=heidi", ADMIN, null)).get("data").get(0);
        assertEquals("2099-06-30T10:00:00Z", listed.get("expires_at").getStringValue());
        String key = FUNCTION.json(response).get("key").getStringValue();
        assertEquals(200, send("GET", "/stats", "Bearer " + key, null).getStatusCode(), "works until then");
    }

    @Test
    void aKeyMayBeLimitedToSomeModelsWhichItsAnswerAndTheListShowInTheAdminsOrder() {
        APIGatewayV2HTTPResponse response = send("POST", "/keys", ADMIN,
                "{\"user\": \"ivan\", \"models\": [\"gpt-4o-mini\", \"gemini\", \"gpt-4o-mini\", \"openai/gpt-4o\"]}");

        assertEquals(201, response.getStatusCode(), FUNCTION.text(response));
        List<String> models = List.of("gpt-4o-mini", "gemini", "openai/gpt-4o");
        assertEquals(models, texts(FUNCTION.json(response).get("models")), "each once");
        JsonNode listed = FUNCTION.json(send("GET", "/keys?user=ivan", ADMIN, null)).get("data").get(0);
        assertEquals(models, texts(listed.get("models")));
        JsonNode open = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"ivan\", \"models\": null}"));
        assertTrue(open.get("models").isNull(), "every model");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.values().forEach(item -> texts.add(item.getStringValue()));
        return texts;
    }

    @Test
    void onlyAUserIsRequiredAndTheSeedBudgetApplies() {
        APIGatewayV2HTTPResponse response = send("POST", "/keys", ADMIN, "{\"user\": \"bob\"}");

        assertEquals(201, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals(1.0, body.get("budget").get("daily_usd").getDoubleValue());
        assertTrue(body.get("budget").get("monthly_usd").isNull());
        assertTrue(body.get("limits").get("rpm").isNull());
        assertTrue(body.get("name").isNull());
        assertTrue(body.get("expires_at").isNull(), "works until revoked");
        assertTrue(body.get("models").isNull(), "may use every model");
    }

    @TestFactory
    Stream<DynamicTest> aBadFieldIs400NamingIt() {
        String[][] cases = {
                {"no user", "{}", "user"},
                {"user not a string", "{\"user\": 5}", "user"},
                {"blank user", "{\"user\": \" \"}", "user"},
                {"the admin's own name", "{\"user\": \"admin\"}", "user"},
                {"unauthenticated use's name", "{\"user\": \"anonymous\"}", "user"},
                {"a NUL in the user", "{\"user\": \"a\\u0000b\"}", "user"},
                {"a space in the user", "{\"user\": \"alice \"}", "user"},
                {"a control character in the user", "{\"user\": \"al\\nice\"}", "user"},
                {"unknown field", "{\"user\": \"a\", \"owner\": \"b\"}", "owner"},
                {"name not a string", "{\"user\": \"a\", \"name\": true}", "name"},
                {"budget not an object", "{\"user\": \"a\", \"budget\": 5}", "budget"},
                {"empty budget", "{\"user\": \"a\", \"budget\": {}}", "budget"},
                {"negative daily", "{\"user\": \"a\", \"budget\": {\"daily_usd\": -1}}", "budget.daily_usd"},
                {"monthly as a string", "{\"user\": \"a\", \"budget\": {\"monthly_usd\": \"9\"}}", "budget.monthly_usd"},
                {"daily too large for a number", "{\"user\": \"a\", \"budget\": {\"daily_usd\": 1e400}}", "budget.daily_usd"},
                {"daily finer than the ledger counts", "{\"user\": \"a\", \"budget\": {\"daily_usd\": 1e-200}}",
                        "budget.daily_usd"},
                {"unknown budget field", "{\"user\": \"a\", \"budget\": {\"weekly_usd\": 1}}", "budget.weekly_usd"},
                {"limits not an object", "{\"user\": \"a\", \"limits\": [1]}", "limits"},
                {"zero rpm", "{\"user\": \"a\", \"limits\": {\"rpm\": 0}}", "limits.rpm"},
                {"negative tpm", "{\"user\": \"a\", \"limits\": {\"tpm\": -5}}", "limits.tpm"},
                {"fractional rpm", "{\"user\": \"a\", \"limits\": {\"rpm\": 1.5}}", "limits.rpm"},
                {"unknown limits field", "{\"user\": \"a\", \"limits\": {\"rph\": 1}}", "limits.rph"},
                {"expiry without an offset", "{\"user\": \"a\", \"expires_at\": \"2099-01-01T00:00:00\"}", "expires_at"},
                {"expiry as a number", "{\"user\": \"a\", \"expires_at\": 4102444800}", "expires_at"},
                {"expiry in the past", "{\"user\": \"a\", \"expires_at\": \"2001-01-01T00:00:00Z\"}", "expires_at"},
                {"models not a list", "{\"user\": \"a\", \"models\": \"gpt-4o\"}", "models"},
                {"no models at all", "{\"user\": \"a\", \"models\": []}", "models"},
                {"a blank model", "{\"user\": \"a\", \"models\": [\"gpt-4o\", \" \"]}", "models"},
                {"a model as a number", "{\"user\": \"a\", \"models\": [4]}", "models"},
                {"a model too long", "{\"user\": \"a\", \"models\": [\"" + "m".repeat(201) + "\"]}", "models"},
                {"too many models", "{\"user\": \"a\", \"models\": [" + "\"gpt-4o\",".repeat(50) + "\"gpt-4o\"]}",
                        "models"},
                {"a model nothing serves", "{\"user\": \"a\", \"models\": [\"gpt-4o\", \"gpt-5\"]}", "models"},
                {"a provider that serves no such model", "{\"user\": \"a\", \"models\": [\"gemini/gpt-4o\"]}",
                        "models"}};
        return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            APIGatewayV2HTTPResponse response = send("POST", "/keys", ADMIN, c[1]);

            assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
            JsonNode error = FUNCTION.json(response).get("error");
            assertEquals("invalid_request", error.get("type").getStringValue());
            assertEquals(c[2], error.get("field").getStringValue(), FUNCTION.text(response));
        }));
    }

    @Test
    void aVirtualKeyWorksOnOrdinaryRoutesButIs403OnPostKeys() {
        String key = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"carol\"}")).get("key").getStringValue();

        APIGatewayV2HTTPResponse stats = send("GET", "/stats", "Bearer " + key, null);
        APIGatewayV2HTTPResponse keys = send("POST", "/keys", "Bearer " + key, "{\"user\": \"carol\"}");

        assertEquals(200, stats.getStatusCode(), FUNCTION.text(stats));
        assertEquals(403, keys.getStatusCode(), FUNCTION.text(keys));
        assertEquals("forbidden", FUNCTION.json(keys).get("error").get("type").getStringValue());
    }

    @Test
    void aVirtualKeyCannotReachPostKeysByASlashTheRouterForgives() {
        String key = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"dave\"}")).get("key").getStringValue();

        for (String path : new String[] {"/keys/", "//keys", "/keys//"}) {
            APIGatewayV2HTTPResponse refused = send("POST", path, "Bearer " + key,
                    "{\"user\": \"mallory\", \"budget\": {\"daily_usd\": 1000000}}");
            assertTrue(refused.getStatusCode() == 403 || refused.getStatusCode() == 404,
                    path + " gave " + refused.getStatusCode() + ": " + FUNCTION.text(refused));
            assertFalse(FUNCTION.text(refused).contains("sb-"), path + " must not create a key");
        }
    }

    @Test
    void noKeyOrAWrongKeyIs401WithBearerChallengeButHealthStaysOpen() {
        for (String authorization : new String[]{null, "Bearer sb-" + "x".repeat(43), "Bearer " + ADMIN_KEY + "-"}) {
            APIGatewayV2HTTPResponse response = send("GET", "/stats", authorization, null);

            assertEquals(401, response.getStatusCode(), FUNCTION.text(response));
            assertEquals("Bearer", FUNCTION.header(response, "WWW-Authenticate"));
            JsonNode error = FUNCTION.json(response).get("error");
            assertEquals("unauthorized", error.get("type").getStringValue());
            assertTrue(error.get("field") != null && error.get("field").isNull(), "the contract's error shape");
        }
        assertEquals(200, send("GET", "/health", null, null).getStatusCode());
    }

    @Test
    void neitherTheAdminKeyNorACreatedKeyEverReachesTheLogs() {
        List<String> lines;
        String key;
        try (LogLines logs = new LogLines()) {
            key = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"dave\", \"name\": \"nb\"}"))
                    .get("key").getStringValue();
            send("GET", "/stats", "Bearer " + key, null);
            send("POST", "/keys", "Bearer " + key, "{\"user\": \"dave\"}");
            send("GET", "/stats", "Bearer " + key + "x", null);
            send("POST", "/keys", ADMIN, "{\"user\": 1}");
            lines = logs.lines();
        }

        String secretPart = key.substring(3);
        assertTrue(lines.stream().anyMatch(line -> line.contains("refused on admin route")),
                "the capture sees the refusal's log line: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.contains(secretPart) || line.contains(ADMIN_KEY)),
                String.join("\n", lines));
    }

    @Test
    void theAdminListsKeysAPageAtATimeWithoutTheKeysThemselves() {
        String first = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"erin\", \"name\": \"a\"}"))
                .get("key").getStringValue();
        send("POST", "/keys", ADMIN, "{\"user\": \"erin\", \"budget\": {\"monthly_usd\": 20}}");
        send("POST", "/keys", ADMIN, "{\"user\": \"erin\"}");

        APIGatewayV2HTTPResponse page = send("GET", "/keys?user=erin&limit=2", ADMIN, null);
        assertEquals(200, page.getStatusCode(), FUNCTION.text(page));
        JsonNode body = FUNCTION.json(page);
        APIGatewayV2HTTPResponse rest = send("GET", "/keys?user=erin&limit=2&after="
                + body.get("next_after").getStringValue(), ADMIN, null);

        assertEquals(2, body.get("data").size());
        JsonNode listed = body.get("data").get(0);
        assertEquals("erin", listed.get("user").getStringValue());
        assertTrue(listed.get("id").getStringValue().startsWith("vk_"));
        assertTrue(listed.get("created_at").getStringValue().endsWith("Z"));
        assertTrue(listed.get("revoked_at").isNull());
        assertTrue(listed.get("budget").isObject() && listed.get("limits").isObject());
        assertFalse(FUNCTION.text(page).contains(first.substring(3)), "the list never holds a key");
        assertEquals(1, FUNCTION.json(rest).get("data").size());
        assertTrue(FUNCTION.json(rest).get("next_after").isNull());
    }

    @Test
    void aRevokedKeyIs401FromTheNextRequestAndRevokingAgainAnswersTheSame() {
        JsonNode created = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"frank\"}"));
        String key = created.get("key").getStringValue();
        String id = created.get("id").getStringValue();
        assertEquals(200, send("GET", "/stats", "Bearer " + key, null).getStatusCode());

        APIGatewayV2HTTPResponse revoked = send("DELETE", "/keys/" + id, ADMIN, null);
        APIGatewayV2HTTPResponse again = send("DELETE", "/keys/" + id, ADMIN, null);

        assertEquals(200, revoked.getStatusCode(), FUNCTION.text(revoked));
        assertEquals(id, FUNCTION.json(revoked).get("id").getStringValue());
        assertTrue(FUNCTION.json(revoked).get("revoked_at").getStringValue().endsWith("Z"));
        assertEquals(401, send("GET", "/stats", "Bearer " + key, null).getStatusCode());
        assertEquals(200, again.getStatusCode());
        assertEquals(FUNCTION.json(revoked).get("revoked_at").getStringValue(),
                FUNCTION.json(again).get("revoked_at").getStringValue());
        JsonNode listed = FUNCTION.json(send("GET", "/keys?user=frank", ADMIN, null)).get("data").get(0);
        assertEquals(FUNCTION.json(revoked).get("revoked_at").getStringValue(), listed.get("revoked_at").getStringValue());
    }

    @Test
    void revokingAnUnknownOrMalformedIdIs404Or400AndAVirtualKeyMayNeitherListNorRevoke() {
        JsonNode created = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"grace\"}"));
        String key = "Bearer " + created.get("key").getStringValue();

        APIGatewayV2HTTPResponse unknown = send("DELETE", "/keys/vk_nosuchkey", ADMIN, null);
        APIGatewayV2HTTPResponse malformed = send("DELETE", "/keys/sb-notanid", ADMIN, null);
        APIGatewayV2HTTPResponse badLimit = send("GET", "/keys?limit=1000", ADMIN, null);

        assertEquals(404, unknown.getStatusCode(), FUNCTION.text(unknown));
        assertEquals("not_found", FUNCTION.json(unknown).get("error").get("type").getStringValue());
        assertEquals(400, malformed.getStatusCode(), FUNCTION.text(malformed));
        assertEquals("id", FUNCTION.json(malformed).get("error").get("field").getStringValue());
        assertEquals(400, badLimit.getStatusCode(), FUNCTION.text(badLimit));
        assertEquals("limit", FUNCTION.json(badLimit).get("error").get("field").getStringValue());
        assertEquals(403, send("GET", "/keys", key, null).getStatusCode());
        assertEquals(403, send("DELETE", "/keys/" + created.get("id").getStringValue(), key, null).getStatusCode());
        assertEquals(200, send("GET", "/stats", key, null).getStatusCode(), "a refused revocation changed nothing");
    }

    @Test
    void theAdminChangesAKeysBudgetLimitsAndModelsAndItsHolderKeepsTheKey() {
        JsonNode created = FUNCTION.json(send("POST", "/keys", ADMIN,
                "{\"user\": \"kate\", \"name\": \"ci\", \"limits\": {\"rpm\": 5}}"));
        String id = created.get("id").getStringValue();
        String key = "Bearer " + created.get("key").getStringValue();

        APIGatewayV2HTTPResponse changed = send("PATCH", "/keys/" + id, ADMIN,
                "{\"budget\": {\"daily_usd\": 20}, \"models\": [\"gemini\"], \"name\": null}");

        assertEquals(200, changed.getStatusCode(), FUNCTION.text(changed));
        JsonNode body = FUNCTION.json(changed);
        assertEquals(id, body.get("id").getStringValue());
        assertEquals(20.0, body.get("budget").get("daily_usd").getDoubleValue());
        assertEquals(5, body.get("limits").get("rpm").getLongValue(), "not given: kept");
        assertEquals(List.of("gemini"), texts(body.get("models")));
        assertTrue(body.get("name").isNull(), "null clears the label");
        assertFalse(FUNCTION.text(changed).contains(created.get("key").getStringValue()), "never the key");
        JsonNode listed = FUNCTION.json(send("GET", "/keys?user=kate", ADMIN, null)).get("data").get(0);
        assertEquals(List.of("gemini"), texts(listed.get("models")));
        assertEquals(200, send("GET", "/stats", key, null).getStatusCode(), "the same key still works");

        JsonNode cleared = FUNCTION.json(send("PATCH", "/keys/" + id, ADMIN,
                "{\"budget\": null, \"limits\": null, \"expires_at\": null, \"models\": null}"));
        assertEquals(1.0, cleared.get("budget").get("daily_usd").getDoubleValue(), "seed 002's default");
        assertTrue(cleared.get("limits").get("rpm").isNull());
        assertTrue(cleared.get("expires_at").isNull());
        assertTrue(cleared.get("models").isNull(), "every model");
    }

    @Test
    void aBadChangeIs400NamingTheFieldAnUnknownKey404ARevokedOne409AndAVirtualKey403() {
        JsonNode created = FUNCTION.json(send("POST", "/keys", ADMIN, "{\"user\": \"liam\"}"));
        String id = created.get("id").getStringValue();
        String key = "Bearer " + created.get("key").getStringValue();
        String[][] cases = {{"{}", null}, {"{\"user\": \"mallory\"}", "user"}, {"{\"user\": null}", "user"},
                {"{\"owner\": 1}", "owner"},
                {"{\"models\": []}", "models"}, {"{\"models\": [\"gpt-5\"]}", "models"},
                {"{\"budget\": {}}", "budget"}, {"{\"limits\": {\"rpm\": 0}}", "limits.rpm"},
                {"{\"expires_at\": \"2001-01-01T00:00:00Z\"}", "expires_at"}, {"[1]", null}};
        for (String[] c : cases) {
            APIGatewayV2HTTPResponse response = send("PATCH", "/keys/" + id, ADMIN, c[0]);

            assertEquals(400, response.getStatusCode(), c[0] + " " + FUNCTION.text(response));
            JsonNode field = FUNCTION.json(response).get("error").get("field");
            assertEquals(c[1], field.isNull() ? null : field.getStringValue(), c[0]);
        }
        assertEquals(404, send("PATCH", "/keys/vk_nosuchkey", ADMIN, "{\"name\": \"x\"}").getStatusCode());
        assertEquals(403, send("PATCH", "/keys/" + id, key, "{\"name\": \"mine\"}").getStatusCode());
        send("DELETE", "/keys/" + id, ADMIN, null);
        APIGatewayV2HTTPResponse revoked = send("PATCH", "/keys/" + id, ADMIN, "{\"name\": \"back\"}");
        assertEquals(409, revoked.getStatusCode(), FUNCTION.text(revoked));
        assertEquals("key_revoked", FUNCTION.json(revoked).get("error").get("type").getStringValue());
    }

    private static APIGatewayV2HTTPResponse send(String method, String path, String authorization, String body) {
        return FUNCTION.send(method, path, authorization, body);
    }
}
