package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.HealthResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.testsupport.H2Ledger;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's faults, with the real DynamoDB client: DynamoDB unreachable (nothing listens on its port)
 * or throttling every call (a loopback server answering each with DynamoDB's ThrottlingException).
 * Routing goes on with defaults, the outage policy decides admission, /health shows the outage, and
 * no request waits past the state's call timeout.
 */
class StateOutageTest {

    /** The state's per-call timeout here; every request must end well within a few of them. */
    private static final String CALL_TIMEOUT = "1s";
    private static final long BOUND_MS = 6_000;
    private static final CompleteRequest HI = new CompleteRequest("hi", 200, false, null);

    private ApplicationContext context;
    private HttpServer throttling;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (throttling != null) {
            throttling.stop(0);
        }
    }

    private ApplicationContext start(String endpoint, String budgets, String rateLimits) {
        Map<String, Object> p = new HashMap<>();
        p.put("switchboard.dynamodb.endpoint", endpoint);
        p.put("switchboard.dynamodb.region", "us-east-1");
        p.put("switchboard.dynamodb.local-credentials", true);
        p.put("switchboard.dynamodb.api-call-timeout", CALL_TIMEOUT);
        p.put("switchboard.state.outage.budgets", budgets);
        p.put("switchboard.state.outage.rate-limits", rateLimits);
        p.put("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml");
        p.put("datasources.default.url", H2Ledger.freshUrl());
        context = ApplicationContext.run(p, "test");
        return context;
    }

    @Test
    void unreachableWithTheDefaultPolicyRefusesWith503QuicklyAndHealthShowsTheOutage() {
        ApplicationContext ctx = start(unreachable(), "CLOSED", "OPEN");

        long began = System.nanoTime();
        ApiException e = assertThrows(ApiException.class,
                () -> ctx.getBean(CompletionService.class).complete(HI, Caller.ANONYMOUS));
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        System.out.println("DynamoDB unreachable, budgets fail closed: " + e.status() + " " + e.type() + " after "
                + tookMs + " ms");
        assertEquals(503, e.status());
        assertEquals("state_unavailable", e.type());
        assertTrue(tookMs < BOUND_MS, "took " + tookMs + " ms");
        HealthResponse health = ctx.getBean(HealthService.class).health(true);
        assertEquals("degraded", health.status());
        assertEquals("unavailable", health.checks().get("state"));
        assertNotNull(health.stateOutage());
        assertEquals("closed", health.stateOutage().budgets());
        HealthResponse everyone = ctx.getBean(HealthService.class).health();
        assertEquals("unavailable", everyone.checks().get("state"));
        assertNull(everyone.stateOutage(), "whether budgets are open is the admin's to know");
    }

    @Test
    void unreachableWithBothKindsOpenAnswersUncheckedAndRoutingGoesOnWithDefaults() {
        ApplicationContext ctx = start(unreachable(), "OPEN", "OPEN");

        long began = System.nanoTime();
        CompleteResponse answer = ctx.getBean(CompletionService.class).complete(HI, Caller.ANONYMOUS);
        long tookMs = (System.nanoTime() - began) / 1_000_000;
        DecisionResponse decision = ctx.getBean(DecisionService.class).explain("hi", false, RoutingPreferences.NONE,
                Caller.ANONYMOUS);

        System.out.println("DynamoDB unreachable, both kinds fail open: answered by " + answer.provider() + " after "
                + tookMs + " ms");
        assertNotNull(answer.response());
        assertNull(answer.totalCostToday(), "the day's spend is unknown while the state is down");
        assertFalse(answer.routingMetadata().stateAvailable());
        assertTrue(tookMs < BOUND_MS, "took " + tookMs + " ms");
        assertNotNull(decision.decision().provider(), "routing decides on defaults");
    }

    @Test
    void throttlingEveryCallIsAnOutageToo() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        ApplicationContext ctx = start(throttlingDynamoDb(asked), "CLOSED", "OPEN");

        long began = System.nanoTime();
        ApiException e = assertThrows(ApiException.class,
                () -> ctx.getBean(CompletionService.class).complete(HI, Caller.ANONYMOUS));
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        System.out.println("DynamoDB throttling: " + e.status() + " " + e.type() + " after " + tookMs + " ms and "
                + asked.get() + " calls to it (the SDK's retries included)");
        assertEquals(503, e.status());
        assertTrue(asked.get() >= 1);
        assertTrue(tookMs < BOUND_MS, "took " + tookMs + " ms");
        assertEquals("unavailable", ctx.getBean(HealthService.class).health().checks().get("state"));
    }

    /** A loopback port nothing listens on: connections are refused at once. */
    private static String unreachable() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers every DynamoDB call as DynamoDB does when a table's throughput is exceeded. */
    private String throttlingDynamoDb(AtomicInteger asked) throws IOException {
        throttling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}").getBytes(StandardCharsets.UTF_8);
        throttling.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        throttling.start();
        return "http://127.0.0.1:" + throttling.getAddress().getPort();
    }
}
