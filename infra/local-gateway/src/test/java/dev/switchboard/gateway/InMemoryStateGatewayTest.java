package dev.switchboard.gateway;

import dev.switchboard.localaws.DynamoDbLocalServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SWITCHBOARD_STATE_STORE=memory (the load benchmark's own-cost scenario): state in-process, no DynamoDB Local. */
class InMemoryStateGatewayTest {

    @TempDir
    Path data;

    @Test
    void keepsTheStateInProcessStartsNoDynamoDbLocalAndStillLedgersEveryAnswer() throws Exception {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of(
                "PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString(), "SWITCHBOARD_STATE_STORE", "memory"));
        assertTrue(settings.inMemoryState());

        try (LocalGateway gateway = LocalGateway.start(settings,
                Map.of("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml"))) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gateway.address() + "/complete"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode(), reply.body());
            JsonNode metadata = gateway.context().getBean(JsonMapper.class)
                    .readValue(reply.body(), JsonNode.class).get("routing_metadata");
            assertTrue(metadata.get("ledger_recorded").getBooleanValue(), reply.body());
            assertTrue(metadata.get("state_available").getBooleanValue(), reply.body());
            assertTrue(gateway.context().findBean(DynamoDbLocalServer.class).isEmpty());
            assertFalse(Files.exists(data.resolve("dynamodb")), "no DynamoDB Local data folder");
        }
    }

    @Test
    void theStateStaysInDynamoDbLocalUnlessMemoryIsAskedFor() {
        assertFalse(GatewaySettings.fromEnvironment(Map.of()).inMemoryState());
        assertFalse(GatewaySettings.fromEnvironment(Map.of("SWITCHBOARD_STATE_STORE", "dynamodb")).inMemoryState());
    }
}
