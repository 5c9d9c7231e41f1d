package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.testsupport.EmfDocuments;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.ObservedLoggers;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.HttpEvents;
import dev.switchboard.testsupport.lambda.LambdaReplies;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complete function's logs and metrics as its Lambda handler leaves them, whole and streamed:
 * the request id of the x-request-id header on every line logged for the request (on whichever
 * thread), one "request completed" line and one EMF document per request, never the caller's key or
 * prompt, and no request id left behind on a pooled thread.
 */
class ObservabilityFunctionTest {

    private static final String ADMIN_KEY = "admin-canary-Lq55";
    private static final String PROMPT = "a prompt nobody may read: canary-Vb07";

    private static ApplicationContext context;
    private static APIGatewayV2HTTPEventFunction handler;
    private static LambdaReplies replies;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new java.util.HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.config", "classpath:fixtures/observability/gemini-down.yml");
        properties.put("switchboard.admin-key", ADMIN_KEY);
        properties.put("switchboard.resilience.max-retries", 0);
        properties.put("switchboard.resilience.failure-threshold", 1000);
        properties.put("switchboard.cache.enabled", false);
        context = ApplicationContext.run(properties);
        handler = new APIGatewayV2HTTPEventFunction(context);
        replies = new LambdaReplies(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aWholeAnswersLinesCarryItsIdAndNoSecret() {
        Observed observed = observe("/complete", "{\"prompt\": \"" + PROMPT + "\"}");

        assertEquals(200, observed.response.getStatusCode(), replies.text(observed.response));
        observed.assertTraced("complete");
    }

    @Test
    void aStreamsLinesCarryItsIdThoughItRunsOnWorkerThreads() {
        Observed observed = observe("/v1/chat/completions", "{\"model\": \"auto\", \"stream\": true, "
                + "\"messages\": [{\"role\": \"user\", \"content\": \"" + PROMPT + "\"}]}");

        assertEquals(200, observed.response.getStatusCode(), replies.text(observed.response));
        observed.assertTraced("chat.completions");
    }

    @Test
    void noRequestIdStaysOnThePooledThreadsAfterwards() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send("/complete", "{\"prompt\": \"hello " + i + "\"}").getStatusCode());
        }
        ExecutorService blocking = context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));
        List<Future<String>> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(blocking.submit(() -> MDC.get("request_id")));
        }
        for (Future<String> id : seen) {
            assertNull(id.get());
        }
        assertNull(MDC.get("request_id"), "nor on the handler's own thread");
    }

    private static Observed observe(String path, String body) {
        try (LogLines logs = new LogLines(); ObservedLoggers loggers = new ObservedLoggers()) {
            APIGatewayV2HTTPResponse response = send(path, body);
            return new Observed(response, logs.jsonLines(), loggers.emfDocuments());
        }
    }

    private static APIGatewayV2HTTPResponse send(String path, String body) {
        return handler.handleRequest(HttpEvents.request("POST", path, "Bearer " + ADMIN_KEY, body),
                new TestLambdaContext("switchboard-complete"));
    }

    private record Observed(APIGatewayV2HTTPResponse response, List<String> lines, List<String> documents) {

        void assertTraced(String endpoint) {
            String id = replies.header(response, "x-request-id");
            List<JsonNode> parsed = lines.stream().map(EmfDocuments::parse).toList();
            List<JsonNode> completed = parsed.stream()
                    .filter(line -> "request completed".equals(line.get("message").getStringValue())).toList();
            assertEquals(1, completed.size(), lines.toString());
            JsonNode line = completed.get(0);
            assertEquals(id, line.get("request_id").getStringValue());
            assertEquals(endpoint, line.get("endpoint").getStringValue());
            assertEquals("openai", line.get("provider").getStringValue());
            assertEquals(1, line.get("fallbacks").getIntValue());
            List<JsonNode> failedAttempt = parsed.stream()
                    .filter(l -> l.get("message").getStringValue().startsWith("provider call failed")).toList();
            assertEquals(1, failedAttempt.size(), lines.toString());
            assertEquals(id, failedAttempt.get(0).get("request_id").getStringValue(), "logged on the request's thread");

            List<String> requestDocuments = documents.stream().filter(d -> d.contains("\"Requests\"")).toList();
            assertEquals(1, requestDocuments.size(), documents.toString());
            assertEquals(id, EmfDocuments.assertValid(requestDocuments.get(0)).get("request_id").getStringValue());
            documents.forEach(EmfDocuments::assertValid);

            String everything = String.join("\n", lines) + "\n" + String.join("\n", documents);
            assertFalse(everything.contains("canary-Vb07"), "prompt in the logs: " + everything);
            assertFalse(everything.contains("canary-Lq55"), "key in the logs: " + everything);
        }
    }
}
