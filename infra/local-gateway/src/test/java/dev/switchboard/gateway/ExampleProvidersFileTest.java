package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example providers file starts a gateway: every protocol in it has an adapter. */
class ExampleProvidersFileTest {

    @TempDir
    Path data;

    @Test
    void startsAGatewayWithOneProviderPerProtocol() throws Exception {
        try (LocalGateway gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                        "SWITCHBOARD_DATA_DIR", data.toString())),
                Map.of("switchboard.config", Path.of("providers.example.yml").toAbsolutePath().toString(),
                        "switchboard.dynamodb.api-call-timeout", "15s"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.address() + "/providers")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            List<String> protocols = new ArrayList<>();
            gateway.context().getBean(JsonMapper.class).readValue(response.body(), JsonNode.class).get("providers")
                    .values().forEach(p -> protocols.add(p.get("protocol").getStringValue()));
            assertEquals(List.of("openai", "anthropic", "gemini", "bedrock", "openai-compatible"), protocols);
        }
    }
}
