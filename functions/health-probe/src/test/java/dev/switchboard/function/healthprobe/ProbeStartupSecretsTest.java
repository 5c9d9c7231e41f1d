package dev.switchboard.function.healthprobe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.testsupport.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The probe serves no caller, so its role in template.yaml gets the providers' secret only. Starting it
 * must then not ask Secrets Manager for the admin key: on AWS that read is refused, and the refusal is
 * logged at ERROR on every start.
 */
class ProbeStartupSecretsTest {

    @Test
    void startingTheProbeDoesNotReadTheAdminKey() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> refuse(exchange, asked));
        refusing.start();
        try {
            Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
            properties.put("switchboard.secrets.source", "secrets-manager");
            properties.put("switchboard.secrets.stage", "dev");
            properties.put("switchboard.secrets.endpoint", "http://127.0.0.1:" + refusing.getAddress().getPort());
            properties.put("switchboard.secrets.region", "us-east-1");
            properties.put("switchboard.secrets.local-credentials", true);
            // Eagerly, as Micronaut's Lambda handlers build their context: every singleton at start-up.
            try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                    .eagerInitSingletons(true).start()) {
                new HealthProbeHandler(context);
            }
            assertEquals(List.of(), asked.stream().filter(body -> body.contains("switchboard/dev/admin")).toList(),
                    "Secrets Manager requests for the admin key while the probe started");
        } finally {
            refusing.stop(0);
        }
    }

    /** Records the request and answers as Secrets Manager does to a role without the permission. */
    private static void refuse(HttpExchange exchange, List<String> asked) throws IOException {
        try (exchange) {
            asked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
