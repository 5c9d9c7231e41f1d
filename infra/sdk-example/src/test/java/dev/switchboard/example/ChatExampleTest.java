package dev.switchboard.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.LocalGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as a user runs it, against a local gateway with its built-in simulated providers: it
 * gets a whole and a streamed answer through the OpenAI SDK, and the feedback command it prints works.
 */
class ChatExampleTest {

    private static final String ADMIN_KEY = "sk-admin-example-test";
    private static final Pattern REQUEST_ID = Pattern.compile("request id: ([0-9a-f-]{36})");

    @TempDir
    static Path data;

    private static LocalGateway open;
    private static LocalGateway guarded;

    @BeforeAll
    static void start() throws Exception {
        open = LocalGateway.start(Map.of("PORT", "0", "SWITCHBOARD_DATA_DIR", data.resolve("open").toString()), Map.of());
        guarded = LocalGateway.start(Map.of("PORT", "0", "SWITCHBOARD_DATA_DIR", data.resolve("guarded").toString(),
                "SWITCHBOARD_ADMIN_KEY", ADMIN_KEY), Map.of("switchboard.admin-key", ADMIN_KEY));
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
    }

    @Test
    void prints_a_whole_and_a_streamed_answer_and_a_feedback_command_that_works() throws Exception {
        Run run = run("--base-url", open.address() + "/v1", "What", "is", "a", "monad?");

        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("whole answer from "), run.out);
        assertTrue(run.out.contains("[simulated "), "the simulated provider's text: " + run.out);
        assertTrue(run.out.contains("strategy complexity"), run.out);
        assertTrue(run.out.matches("(?s).*\\(([1-9][0-9]*) chunks\\).*"), "chunks were streamed: " + run.out);
        Matcher id = REQUEST_ID.matcher(run.out);
        assertTrue(id.find(), run.out);
        assertFalse(run.out.contains("authorization"), "no key was given, so the command needs none: " + run.out);

        HttpResponse<String> feedback = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(open.address() + "/feedback"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"" + id.group(1) + "\",\"rating\":5}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, feedback.statusCode(), feedback.body());
    }

    @Test
    void a_refused_key_is_reported_with_the_gateways_status_and_exit_code_1() {
        Run run = run("--base-url", guarded.address() + "/v1", "--api-key", "sk-not-a-key", "hello");

        assertEquals(1, run.code, run.out);
        assertTrue(run.err.contains("the gateway answered 401"), run.err);
        assertFalse(run.err.contains("sk-not-a-key"), "the key is never echoed: " + run.err);
    }

    @Test
    void the_admin_key_gets_an_answer_and_the_printed_command_leaves_the_key_out() {
        Run run = run("--base-url", guarded.address() + "/v1", "--api-key", ADMIN_KEY, "hello");

        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("authorization: Bearer $YOUR_KEY"), run.out);
        assertFalse(run.out.contains(ADMIN_KEY), run.out);
    }

    @Test
    void bad_usage_exits_2_with_the_usage_line() {
        assertEquals(2, run().code);
        Run unknown = run("--temperature", "2", "hi");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("unknown option --temperature"), unknown.err);
        Run badUrl = run("--base-url", "http://127.0.0.1:8080", "hi");
        assertEquals(2, badUrl.code);
        assertTrue(badUrl.err.contains("ending in /v1"), badUrl.err);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ChatExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
