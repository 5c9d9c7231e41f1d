package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.testsupport.WireFixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /v1/chat/completions through the local gateway over real HTTP, with providers that are fake
 * upstreams on loopback speaking their documented wire formats: whole answers, streams relayed as
 * server-sent events, a failure before the first byte answered with an error status, and a stream
 * cut mid-answer ended with an error event instead of [DONE].
 */
class ChatCompletionsGatewayTest {

    static final String KEY = "sk-gateway-test-key";

    @TempDir
    static Path data;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeUpstream openai;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start();
        Path config = data.resolve("providers.yml");
        Files.writeString(config, String.join("\n",
                "providers:",
                "  - name: fakeopenai",
                "    protocol: openai",
                "    base-url: " + openai.baseUri(),
                "    deployments:",
                "      - {model: gpt-4o-mini, tier: economy, rpm: 100, tpm: 100000,",
                "         capabilities: {context-length: 128000, tools: true, streaming: true}}",
                ""));
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                "SWITCHBOARD_DATA_DIR", data.resolve("gw").toString())),
                // A loaded machine can make DynamoDB Local slow to answer while tables are created.
                Map.of("switchboard.config", config.toString(), "test.api-key", KEY,
                        "switchboard.dynamodb.api-call-timeout", "15s"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        openai.close();
    }

    @BeforeEach
    void forgetRequests() {
        openai.requests();
    }

    @Test
    void answersAChatCompletionInOpenAisShapeWithTheRoutingFields() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, fixture("openai/completion-text.json")));
        HttpResponse<String> response = post("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readValue(response.body(), JsonNode.class);
        assertEquals("chat.completion", body.get("object").getStringValue());
        JsonNode choice = body.get("choices").get(0);
        assertEquals("Paris is the capital of France.", choice.get("message").get("content").getStringValue());
        assertEquals("stop", choice.get("finish_reason").getStringValue());
        assertTrue(body.get("usage").get("prompt_tokens").getIntValue() > 0);
        JsonNode gatewayFields = body.get("switchboard");
        assertEquals("fakeopenai", gatewayFields.get("provider").getStringValue());
        assertNotNull(gatewayFields.get("strategy_used"));
        assertTrue(gatewayFields.get("routing_metadata").get("ledger_recorded").getBooleanValue(),
                "the answer is in the ledger");
        FakeUpstream.Recorded sent = last(openai);
        assertEquals("Bearer " + KEY, sent.header("authorization"));
    }

    @Test
    void samplingSettingsReachTheUpstreamAsTheCallerGaveThem() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, fixture("openai/completion-text.json")));
        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"seed\":1234567890123,\"top_p\":0.5,"
                + "\"stop\":[\"END\"],\"messages\":[{\"role\":\"user\",\"content\":\"pick a number\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = json.readValue(last(openai).body(), JsonNode.class);
        assertEquals(1234567890123L, sent.get("seed").getLongValue());
        assertEquals(0.5, sent.get("top_p").getDoubleValue());
        assertEquals("END", sent.get("stop").get(0).getStringValue());
    }

    @Test
    void openAisNewerRequestFieldsAreTakenAndPassedOnAsOpenAiReadsThem() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, fixture("openai/completion-text.json")));
        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"safety_identifier\":\"hashed-user-1\","
                + "\"prompt_cache_key\":\"agent-7\",\"prompt_cache_retention\":\"24h\",\"metadata\":{\"team\":\"search\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi (newer fields)\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sent = json.readValue(last(openai).body(), JsonNode.class);
        assertEquals("hashed-user-1", sent.get("user").getStringValue(), "the end-user id, as every protocol takes it");
        assertEquals("agent-7", sent.get("prompt_cache_key").getStringValue());
        assertEquals("24h", sent.get("prompt_cache_retention").getStringValue());
        assertNull(sent.get("metadata"), "labels for stored completions, and none is stored");
    }

    @Test
    void relaysAStreamAsServerSentEventsEndingInDone() throws Exception {
        openai.enqueue(FakeUpstream.Reply.stream("text/event-stream", ssePieces(fixture("openai/stream-text.sse"))));
        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"sky?\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String> events = dataLines(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder text = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json.readValue(event, JsonNode.class);
            assertEquals("chat.completion.chunk", chunk.get("object").getStringValue());
            if (chunk.get("usage") != null) {
                usage = chunk.get("usage");
                continue;
            }
            JsonNode choice = chunk.get("choices").get(0);
            JsonNode content = choice.get("delta").get("content");
            if (content != null) {
                text.append(content.getStringValue());
            }
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").getStringValue();
            }
        }
        assertEquals("The sky looks blue because of Rayleigh scattering.", text.toString());
        assertEquals("stop", finish);
        assertNotNull(usage, "include_usage asks for a usage chunk");
        assertEquals(14, usage.get("prompt_tokens").getIntValue());
    }

    @Test
    void aStreamRefusedBeforeItsFirstByteGetsAnErrorStatus() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(401, "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}"));
        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(503, response.statusCode(), response.body());
        JsonNode error = json.readValue(response.body(), JsonNode.class).get("error");
        assertNotNull(error.get("type"));
        assertFalse(response.body().contains(KEY));
    }

    @Test
    void aStreamCutMidAnswerEndsWithAnErrorEventAndNoDone() throws Exception {
        List<String> pieces = ssePieces(fixture("openai/stream-text.sse"));
        CountDownLatch firstEventSeen = new CountDownLatch(1);
        openai.enqueue(FakeUpstream.Reply.cutAfter("text/event-stream", pieces.subList(0, 3), firstEventSeen));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.address() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"sky?\"}]}")).build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());

        assertEquals(200, response.statusCode());
        // The upstream cuts its stream only once the caller has seen the first event: "delivered, then cut".
        List<String> events = new ArrayList<>();
        response.body().forEach(line -> {
            if (line.startsWith("data:")) {
                events.add(line.substring(5).strip());
                firstEventSeen.countDown();
            }
        });
        assertFalse(events.contains("[DONE]"), "a cut stream must not end as if whole: " + events);
        JsonNode last = json.readValue(events.get(events.size() - 1), JsonNode.class);
        assertEquals("provider_stream_broken", last.get("error").get("type").getStringValue());
        assertNull(last.get("choices"));
    }

    @Test
    void refusesAMessageListWithoutAUserTurnNamingTheField() throws Exception {
        HttpResponse<String> response = post("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"}]}");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("messages", json.readValue(response.body(), JsonNode.class).get("error").get("field")
                .getStringValue());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null, body);
    }

    private static FakeUpstream.Recorded last(FakeUpstream upstream) {
        List<FakeUpstream.Recorded> all = upstream.requests();
        return all.get(all.size() - 1);
    }

    static List<String> dataLines(String sse) {
        List<String> data = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data:")) {
                data.add(line.substring(5).strip());
            }
        }
        return data;
    }

    static List<String> ssePieces(String sse) {
        return WireFixtures.ssePieces(sse);
    }

    /** A wire fixture of shared-core's tests, as {@code provider/name}. */
    static String fixture(String path) {
        int slash = path.indexOf('/');
        return WireFixtures.text(path.substring(0, slash), path.substring(slash + 1));
    }
}
