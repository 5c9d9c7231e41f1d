package dev.switchboard.gateway;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local gateway end to end over real HTTP on loopback: the slice of the README's curl example,
 * every bad input's 400, and the read routes, with DynamoDB Local and an H2 file ledger.
 */
class LocalGatewayTest {

    @TempDir
    static Path data;

    private static LocalGateway gateway;
    private static JsonMapper json;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of(
                "PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString()));
        gateway = LocalGateway.start(settings,
                Map.of("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void routesAPromptAndAnswersWithTheSeedFields() throws Exception {
        Reply reply = post("/complete", "application/json", "{\"prompt\":\"hi\"}");

        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        for (String field : new String[]{"response", "provider", "model", "tokens_in", "tokens_out", "cost",
                "total_cost_today", "cache_hit", "strategy_used", "confidence", "routing_metadata"}) {
            assertNotNull(body.get(field), "missing " + field + " in " + reply.body());
        }
        assertEquals("complexity", body.get("strategy_used").getStringValue());
        // "hi" is as simple as prompts get: the cheapest economy deployment answers.
        assertEquals("gemini-1.5-flash", body.get("model").getStringValue());
        assertFalse(body.get("cache_hit").getBooleanValue());
        assertTrue(body.get("tokens_out").getIntValue() > 0);
        assertTrue(body.get("total_cost_today").getDoubleValue() >= body.get("cost").getDoubleValue());
        assertTrue(body.get("response").getStringValue().startsWith("[simulated gemini/gemini-1.5-flash]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "malformed JSON               | {\"prompt\":                          | NONE",
            "empty body                   | ''                                    | NONE",
            "not an object                | [\"hi\"]                              | NONE",
            "missing prompt               | {\"max_tokens\":10}                   | prompt",
            "blank prompt                 | {\"prompt\":\"   \"}                  | prompt",
            "prompt of the wrong type     | {\"prompt\":42}                       | prompt",
            "max_tokens zero              | {\"prompt\":\"hi\",\"max_tokens\":0}    | max_tokens",
            "max_tokens too large         | {\"prompt\":\"hi\",\"max_tokens\":4001} | max_tokens",
            "max_tokens not an integer    | {\"prompt\":\"hi\",\"max_tokens\":\"9\"} | max_tokens",
            "auto_route not a boolean     | {\"prompt\":\"hi\",\"auto_route\":\"yes\"} | auto_route",
            "unknown field                | {\"prompt\":\"hi\",\"temperature\":1}  | temperature"})
    void refusesBadInputWithA400NamingTheFieldAndCallsNoProvider(String name, String body, String field)
            throws Exception {
        long before = totalRequests();

        Reply reply = post("/complete", "application/json", body);

        assertEquals(400, reply.status(), reply.body());
        JsonNode error = reply.json().get("error");
        assertEquals("invalid_request", error.get("type").getStringValue());
        assertFalse(error.get("message").getStringValue().isBlank());
        if (field == null) {
            assertTrue(error.get("field") != null && error.get("field").isNull(),
                    "field must be present and null: " + reply.body());
        } else {
            assertEquals(field, error.get("field").getStringValue());
        }
        assertEquals(before, totalRequests(), "a refused request must not reach a provider or the ledger");
    }

    @Test
    void refusesAChatBodyThatIsNotUtf8() throws Exception {
        byte[] latin1 = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"R\u00e9sum\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.address() + "/v1/chat/completions"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("Request body is not UTF-8 text",
                json.readValue(response.body(), JsonNode.class).get("error").get("message").getStringValue());
    }

    @Test
    void refusesANonJsonContentType() throws Exception {
        Reply reply = post("/complete", "text/plain", "{\"prompt\":\"hi\"}");

        assertEquals(415, reply.status(), reply.body());
        assertEquals("unsupported_media_type", reply.json().get("error").get("type").getStringValue());
    }

    @Test
    void answersAnUnknownRouteWithTheErrorJson() throws Exception {
        Reply reply = get("/no-such-route");

        assertEquals(404, reply.status());
        assertEquals("not_found", reply.json().get("error").get("type").getStringValue());
    }

    @Test
    void aKnownRouteAskedForHtmlOnlyIs406WithTheErrorJson() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address() + "/health"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(406, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertEquals("not_acceptable", new Reply(response.statusCode(), response.body()).json().get("error")
                .get("type").getStringValue());
    }

    @Test
    void aBrowserThatAcceptsOnlyHtmlGetsTheErrorJsonToo() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address()
                + "/no-such-route")).header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                response.headers().toString());
        Reply reply = new Reply(response.statusCode(), response.body());
        assertEquals("not_found", reply.json().get("error").get("type").getStringValue());
    }

    @Test
    void previewsDecisionsWithoutCallingAProvider() throws Exception {
        long before = totalRequests();
        String prompt = URLEncoder.encode("Debug this Python function that throws a TypeError",
                StandardCharsets.UTF_8);

        Reply recommendation = get("/recommendation?prompt=" + prompt);
        Reply decision = get("/routing/decision?auto_route=false&prompt=" + prompt);

        assertEquals(200, recommendation.status(), recommendation.body());
        assertEquals("hybrid_fallback", recommendation.json().get("strategy_used").getStringValue());
        assertEquals("code", recommendation.json().get("metadata").get("pattern").getStringValue());
        assertEquals(200, decision.status(), decision.body());
        assertEquals("complexity", decision.json().get("decision").get("strategy_used").getStringValue());
        JsonNode candidates = decision.json().get("metadata").get("candidates");
        assertEquals(5, candidates.size());
        JsonNode first = candidates.get(0);
        assertTrue(first.get("score").getDoubleValue() > 0, decision.body());
        assertEquals(6, first.get("factors").size(), decision.body());
        assertEquals(before, totalRequests());
        assertEquals("prompt", get("/recommendation").json().get("error").get("field").getStringValue());
        // On a client of its own: the server closes the connection after this refusal.
        HttpResponse<String> tooLong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                gateway.address() + "/routing/decision?prompt=" + "a".repeat(4_100))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("The request line or its headers are too long for the server"),
                tooLong.body());
    }

    @Test
    void reportsMetricsProvidersAndHealth() throws Exception {
        post("/complete", "application/json", "{\"prompt\":\"Summarise the plot of Hamlet\"}");

        Reply metrics = get("/routing/metrics?days=7");
        Reply providers = get("/providers");
        Reply health = get("/health");

        assertEquals(200, metrics.status(), metrics.body());
        JsonNode savings = metrics.json().get("cost_savings");
        assertEquals(7, savings.get("period_days").getIntValue());
        assertTrue(savings.get("baseline_cost").getDoubleValue() >= savings.get("intelligent_cost").getDoubleValue());
        assertTrue(metrics.json().get("by_strategy").size() >= 1);
        assertEquals(3, providers.json().get("providers").size());
        assertEquals(200, health.status(), health.body());
        assertEquals("ok", health.json().get("status").getStringValue());
        assertEquals(400, get("/routing/metrics?days=0").status());
    }

    @Test
    void answersUncompressedEvenToAClientThatAcceptsGzip() throws Exception {
        // /providers answers well over Micronaut's default threshold of 1 KB, which it would gzip.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address() + "/providers"))
                .header("accept-encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().length() > 1024, response.body());
        assertTrue(response.headers().firstValue("content-encoding").isEmpty(), response.headers().toString());
        assertEquals(3, json.readValue(response.body(), JsonNode.class).get("providers").size());
    }

    private long totalRequests() throws Exception {
        Reply stats = get("/stats?days=1");
        assertEquals(200, stats.status(), stats.body());
        return stats.json().get("total_requests").getLongValue();
    }

    private record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return json.readValue(body, JsonNode.class);
        }
    }

    private static Reply post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.address() + path))
                .header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
