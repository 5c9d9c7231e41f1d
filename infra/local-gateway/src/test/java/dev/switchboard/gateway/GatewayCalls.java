package dev.switchboard.gateway;

import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** JSON requests to a running local gateway over real HTTP, each with a bearer key or none. */
final class GatewayCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayCalls() {
    }

    /** A gateway on a free port with the instant simulated providers and {@code adminKey} set. */
    static LocalGateway startWithAdminKey(Path data, String adminKey) throws IOException {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of(
                "PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString()));
        return LocalGateway.start(settings, Map.of(
                "switchboard.config", "classpath:fixtures/providers/instant-simulated.yml",
                "switchboard.admin-key", adminKey));
    }

    /** POSTs a JSON {@code body} to {@code path}, with {@code key} as the bearer key unless it is null. */
    static HttpResponse<String> post(LocalGateway gateway, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.address() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(LocalGateway gateway, String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address() + path))
                .header("authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of the last request {@code upstream} received, as JSON. */
    static JsonNode lastBody(JsonMapper json, FakeUpstream upstream) throws IOException {
        return json.readValue(upstream.requests().get(upstream.requests().size() - 1).body(), JsonNode.class);
    }
}
