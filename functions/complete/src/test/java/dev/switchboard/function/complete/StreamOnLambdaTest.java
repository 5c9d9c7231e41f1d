package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.secrets.ApiKeySourceKind;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.HttpEvents;
import dev.switchboard.testsupport.lambda.LambdaReplies;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A streamed chat completion through the Lambda handler, in Micronaut's Lambda environment: API Gateway's HTTP API
 * delivers the response whole, so the events come as one body once the stream has ended, and a stream that broke
 * after its first chunk is an error status the caller can see, not a 200 ending in an error event.
 */
class StreamOnLambdaTest {

    private static final String ADMIN_KEY = "admin-key-of-the-lambda-stream-test";
    private static final String SSE = "text/event-stream";

    @TempDir
    static Path dir;
    private static FakeUpstream upstream;
    private static ApplicationContext context;
    private static APIGatewayV2HTTPEventFunction handler;
    private static LambdaReplies replies;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeUpstream.start();
        Path providers = dir.resolve("providers.yml");
        Files.writeString(providers, String.join("\n",
                "providers:",
                "  - name: local",
                "    protocol: openai-compatible",
                "    base-url: " + upstream.baseUri().resolve("/v1"),
                "    deployments:",
                "      - model: llama3.1",
                "        tier: economy",
                "        rpm: 600",
                "        tpm: 1000000",
                "        price: {input-per-million: 0, output-per-million: 0}",
                "        capabilities: {context-length: 8192, streaming: true}",
                ""));
        Map<String, Object> properties = new java.util.HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.config", providers.toString());
        // On Lambda an in-memory ledger is refused: a file one stands in for the database.
        properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("switchboard.admin-key", ADMIN_KEY);
        properties.put(ApiKeySourceKind.PROPERTY, "environment");
        properties.put("switchboard.resilience.max-retries", 0);
        properties.put("switchboard.cache.enabled", false);
        context = ApplicationContext.builder().environments(ApiKeySourceKind.LAMBDA_ENVIRONMENT)
                .properties(properties).start();
        handler = new APIGatewayV2HTTPEventFunction(context);
        replies = new LambdaReplies(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        upstream.close();
    }

    @Test
    void aWholeStreamIsItsEventsEndingInDone() {
        upstream.enqueue(FakeUpstream.Reply.stream(SSE, List.of(delta("Hel"), delta("lo"),
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n", "data: [DONE]\n\n")));

        APIGatewayV2HTTPResponse response = send();

        assertEquals(200, response.getStatusCode(), replies.text(response));
        String body = replies.text(response);
        assertTrue(replies.header(response, "Content-Type").startsWith(SSE), replies.header(response, "Content-Type"));
        assertTrue(body.startsWith("data: {"), body);
        assertTrue(body.contains("\"content\":\"Hel\"") && body.contains("\"content\":\"lo\""), body);
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
        assertEquals("local", replies.header(response, "x-switchboard-provider"), "the routing headers are there");
    }

    @Test
    void aStreamThatBreaksAfterItsFirstChunkIsA502WithItsErrorNotA200() {
        upstream.enqueue(FakeUpstream.Reply.stream(SSE, List.of(delta("Hel"), delta("lo"),
                "data: {\"error\":{\"message\":\"upstream fell over\",\"type\":\"server_error\"}}\n\n")));

        APIGatewayV2HTTPResponse response = send();

        assertEquals(502, response.getStatusCode(), replies.text(response));
        assertEquals("provider_stream_broken", replies.json(response).get("error").get("type").getStringValue());
    }

    private static String delta(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static APIGatewayV2HTTPResponse send() {
        return handler.handleRequest(HttpEvents.request("POST", "/v1/chat/completions", "Bearer " + ADMIN_KEY,
                        "{\"model\": \"llama3.1\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"),
                new TestLambdaContext("switchboard-complete"));
    }
}
