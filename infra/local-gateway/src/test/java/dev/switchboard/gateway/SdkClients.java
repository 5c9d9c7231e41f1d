package dev.switchboard.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The official OpenAI SDK pointed at a local gateway, and what tests ask the gateway beside it. */
final class SdkClients {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SdkClients() {
    }

    /**
     * A client of {@code gateway}'s /v1 on loopback. No retries: a retry would hide a refusal or a
     * failure the test means to see (the SDK retries 429 and 5xx by default).
     */
    static OpenAIClient of(LocalGateway gateway, String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gateway.address() + "/v1")
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * The providers the gateway would try for {@code prompt}, best first (GET /routing/decision):
     * a test queues the answer on the upstream that will be asked.
     *
     * @param allow a model to route among, or null for any
     */
    static List<String> rankedProviders(LocalGateway gateway, String prompt, String allow) throws Exception {
        String query = "prompt=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8)
                + (allow == null ? "" : "&allow=" + URLEncoder.encode(allow, StandardCharsets.UTF_8));
        HttpResponse<String> decision = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address()
                + "/routing/decision?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        if (decision.statusCode() != 200) {
            throw new AssertionError("GET /routing/decision: " + decision.statusCode() + " " + decision.body());
        }
        JsonMapper json = gateway.context().getBean(JsonMapper.class);
        List<String> providers = new ArrayList<>();
        json.readValue(decision.body(), JsonNode.class).get("metadata").get("candidates").values()
                .forEach(c -> providers.add(c.get("provider").getStringValue()));
        return providers;
    }
}
