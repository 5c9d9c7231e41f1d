package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK against the local gateway with authentication on: its apiKey is a
 * virtual key the admin created with POST /keys; a wrong key and a key past its own rate limit
 * come back as the SDK's typed 401 and 429 exceptions. Providers are simulated and never fail.
 */
class OpenAiSdkAuthenticationGatewayTest {

    private static final String ADMIN_KEY = "local-admin-sdk-canary-47";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static LocalGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of(
                        "PORT", "0", "SWITCHBOARD_DATA_DIR", data.toString())),
                Map.of("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml",
                        "switchboard.admin-key", ADMIN_KEY,
                        "switchboard.dynamodb.api-call-timeout", "15s"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aVirtualKeyAsTheSdksApiKeyGetsAnAnswer() throws Exception {
        String key = createKey("{\"user\":\"grace\",\"budget\":{\"daily_usd\":2.5},\"limits\":{\"rpm\":100}}");

        ChatCompletion answer = withSdk(key, sdk -> sdk.chat().completions().create(
                params("Summarise the water cycle.")));

        answer.validate();
        assertFalse(answer.choices().get(0).message().content().orElse("").isBlank());
        assertTrue(answer.usage().orElseThrow().totalTokens() > 0);
    }

    @Test
    void aWrongKeyIsTheSdksUnauthorizedException() {
        UnauthorizedException refused = withSdk("sb-" + "Q".repeat(43), sdk -> assertThrows(
                UnauthorizedException.class, () -> sdk.chat().completions().create(params("hi"))));

        assertEquals(401, refused.statusCode());
        assertEquals("unauthorized", refused.type().orElseThrow());
        assertFalse(refused.getMessage().contains("QQQQ"), "the key is not echoed back");
    }

    @Test
    void aKeyPastItsRateLimitIsTheSdksRateLimitExceptionWithRetryAfter() throws Exception {
        String key = createKey("{\"user\":\"heidi\",\"limits\":{\"rpm\":1}}");

        RateLimitException limited = withSdk(key, sdk -> {
            sdk.chat().completions().create(params("first of the minute"));
            // A minute's window may turn between two requests, but not twice within three.
            return assertThrows(RateLimitException.class, () -> {
                sdk.chat().completions().create(params("second of the minute"));
                sdk.chat().completions().create(params("third of the minute"));
            });
        });

        assertEquals(429, limited.statusCode());
        assertEquals("rate_limited", limited.type().orElseThrow());
        List<String> retryAfter = limited.headers().values("retry-after");
        assertEquals(1, retryAfter.size(), limited.headers().toString());
        assertTrue(Long.parseLong(retryAfter.get(0)) >= 1);
    }

    /** Runs {@code call} with an SDK client whose apiKey is {@code key}, and closes the client. */
    private static <T> T withSdk(String key, Function<OpenAIClient, T> call) {
        OpenAIClient sdk = SdkClients.of(gateway, key);
        try {
            return call.apply(sdk);
        } finally {
            sdk.close();
        }
    }

    private static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model("auto").addUserMessage(prompt).build();
    }

    /** POST /keys with the admin key; returns the new virtual key. */
    private static String createKey(String body) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.address() + "/keys"))
                .header("content-type", "application/json").header("authorization", "Bearer " + ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = gateway.context().getBean(JsonMapper.class).readValue(created.body(), JsonNode.class).get("key");
        assertNotNull(key, created.body());
        return key.getStringValue();
    }
}
