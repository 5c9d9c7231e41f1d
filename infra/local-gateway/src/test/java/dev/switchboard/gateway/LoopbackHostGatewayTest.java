package dev.switchboard.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: with authentication off, the local gateway answers only requests addressed to a loopback name, so a
 * web page whose name resolves to 127.0.0.1 cannot spend the providers' keys through the browser of whoever runs
 * it. With an admin key set, every Host is served (a key is needed anyway). Raw sockets: the JDK's client will not
 * send a Host of a test's choosing.
 */
class LoopbackHostGatewayTest {

    @TempDir
    Path data;

    @Test
    void withAuthenticationOffOnlyLoopbackNamesAreServed() throws IOException {
        try (LocalGateway gateway = start(Map.of())) {
            int port = URI.create(gateway.address()).getPort();

            String refused = get(port, "rebound.example.com:" + port, "/v1/models");
            assertTrue(refused.startsWith("HTTP/1.1 403"), refused);
            assertTrue(refused.contains("\"type\":\"host_not_allowed\""), refused);
            assertTrue(!refused.contains("rebound.example.com"), "the other site's name is not repeated");
            for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST",
                    "127.0.0.1"}) {
                String served = get(port, host, "/v1/models");
                assertTrue(served.startsWith("HTTP/1.1 200"), host + ": " + served);
            }
        }
    }

    @Test
    void withAnAdminKeyAnyHostIsServedAndTheKeyDecides() throws IOException {
        try (LocalGateway gateway = start(Map.of("switchboard.admin-key", "loopback-admin-canary"))) {
            int port = URI.create(gateway.address()).getPort();

            String answer = get(port, "switchboard.internal:" + port, "/v1/models");
            assertTrue(answer.startsWith("HTTP/1.1 401"), "asked for a key, not refused for its Host: " + answer);
        }
    }

    private LocalGateway start(Map<String, Object> overrides) throws IOException {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                "SWITCHBOARD_DATA_DIR", data.toString(), "SWITCHBOARD_STATE_STORE", "memory"));
        Map<String, Object> properties = new java.util.HashMap<>(overrides);
        properties.put("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml");
        return LocalGateway.start(settings, properties);
    }

    /** The whole answer to GET {@code path} sent with {@code host} as its Host. */
    private static String get(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
