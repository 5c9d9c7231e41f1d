package dev.switchboard.function.healthprobe;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.api.ProbeReport;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.LambdaEvents;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The probe does not use the ledger: a ledger that cannot be reached when the probe starts (PostgreSQL
 * on a port nothing listens on) must not stop it, or an RDS outage would stop the health checks too.
 */
class ProbeWithLedgerDownTest {

    @Test
    void theProbeStartsAndProbesWhileTheLedgerCannotBeReached() throws IOException {
        HttpServer secrets = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secrets.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = "{\"SecretString\":\"{}\",\"Name\":\"switchboard/dev/providers\"}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        secrets.start();
        try {
            Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
            properties.put("switchboard.secrets.source", "secrets-manager");
            properties.put("switchboard.secrets.stage", "dev");
            properties.put("switchboard.secrets.endpoint", "http://127.0.0.1:" + secrets.getAddress().getPort());
            properties.put("switchboard.secrets.region", "us-east-1");
            properties.put("switchboard.secrets.local-credentials", true);
            properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ledger");
            properties.put("datasources.default.username", "switchboard");
            properties.put("datasources.default.password", "not-used");
            properties.put("switchboard.ledger.connect-timeout", "250ms");
            // Eagerly, as Micronaut's Lambda handlers build their context: every singleton at start-up.
            try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                    .eagerInitSingletons(true).start()) {
                ProbeReport report = new HealthProbeHandler(context).handleRequest(
                        LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                        new TestLambdaContext("switchboard-health-probe"));

                assertEquals(5, report.results().size());
                assertEquals(5, report.healthy());
            }
        } finally {
            secrets.stop(0);
        }
    }

    /** A loopback port nothing listens on (just released by this test). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
