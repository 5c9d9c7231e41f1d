package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.switchboard.provider.http.FakeUpstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK against the local gateway's /v1/chat/completions, authentication
 * off, providers that are fake upstreams on loopback. Every assertion reads the SDK's typed objects:
 * what a user's code gets. Each test sends its own prompt, so that no answer comes from another
 * test's cache entry.
 */
class OpenAiSdkGatewayTest {

    static final String KEY = "sk-sdk-test-key";
    static final String PARIS = "Paris is the capital of France.";

    @TempDir
    static Path data;

    private static final Map<String, FakeUpstream> UPSTREAMS = new LinkedHashMap<>();
    private static LocalGateway gateway;
    private static OpenAIClient sdk;

    @BeforeAll
    static void start() throws IOException {
        for (String name : List.of("fakeopenai", "fakeanthropic", "broken", "spare")) {
            UPSTREAMS.put(name, FakeUpstream.start());
        }
        Path config = data.resolve("providers.yml");
        Files.writeString(config, String.join("\n",
                "providers:",
                provider("fakeopenai", "openai", "gpt-4o-mini", "economy"),
                provider("fakeanthropic", "anthropic", "claude-3-5-haiku-20241022", "standard"),
                provider("broken", "openai", "fallback-model", "economy"),
                provider("spare", "openai", "fallback-model", "economy"),
                ""));
        gateway = LocalGateway.start(GatewaySettings.fromEnvironment(Map.of("PORT", "0",
                        "SWITCHBOARD_DATA_DIR", data.resolve("gw").toString())),
                Map.of("switchboard.config", config.toString(), "test.api-key", KEY,
                        // Retries still happen, without making the test wait 100 + 200 + 400 ms.
                        "switchboard.resilience.backoff-base", "1ms",
                        "switchboard.dynamodb.api-call-timeout", "15s"));
        // Authentication is off: the SDK insists on a key, and the gateway ignores it.
        sdk = SdkClients.of(gateway, "unused-while-authentication-is-off");
    }

    private static String provider(String name, String protocol, String model, String tier) {
        return String.join("\n",
                "  - name: " + name,
                "    protocol: " + protocol,
                "    base-url: " + UPSTREAMS.get(name).baseUri(),
                "    deployments:",
                "      - {model: \"" + model + "\", tier: " + tier + ", rpm: 100, tpm: 100000,",
                "         capabilities: {context-length: 128000, tools: true, streaming: true}}");
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        UPSTREAMS.values().forEach(FakeUpstream::close);
    }

    @Test
    void autoRoutedCompletionReadsAsATypedChatCompletion() throws Exception {
        String prompt = "What is the capital of France?";
        String first = SdkClients.rankedProviders(gateway, prompt, null).get(0);
        UPSTREAMS.get(first).enqueue(success(first));

        ChatCompletion answer = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("auto").addUserMessage(prompt).build());

        assertTrue(answer.id().startsWith("chatcmpl-"), answer.id());
        assertEquals(1, answer.choices().size());
        ChatCompletion.Choice choice = answer.choices().get(0);
        assertEquals(Optional.of(PARIS), choice.message().content());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
        CompletionUsage usage = answer.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
        assertEquals(first, gatewayField(answer, "provider"));
        answer.validate();
    }

    @Test
    void aPinnedModelIsAnsweredByItsProviderInOpenAisShape() {
        UPSTREAMS.get("fakeanthropic").enqueue(success("fakeanthropic"));

        ChatCompletion answer = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("claude-3-5-haiku-20241022").addUserMessage("Name the capital of France, please.")
                .maxCompletionTokens(64).temperature(0.2).build());

        assertEquals("claude-3-5-haiku-20241022", answer.model());
        ChatCompletion.Choice choice = answer.choices().get(0);
        assertEquals(Optional.of(PARIS), choice.message().content());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
        CompletionUsage usage = answer.usage().orElseThrow();
        assertEquals(9, usage.completionTokens());
        assertEquals("fakeanthropic", gatewayField(answer, "provider"));
        assertEquals(1, UPSTREAMS.get("fakeanthropic").requests().size());
        answer.validate();
    }

    @Test
    void streamedChunksConcatenateToTheAnswerAndTheStreamEndsCleanly() throws Exception {
        UPSTREAMS.get("fakeopenai").enqueue(FakeUpstream.Reply.stream("text/event-stream",
                ChatCompletionsGatewayTest.ssePieces(ChatCompletionsGatewayTest.fixture("openai/stream-text.sse"))));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Why is the sky blue?")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk.Choice.FinishReason> finishes = new ArrayList<>();
        List<CompletionUsage> usages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.validate();
                ids.add(chunk.id());
                chunk.usage().ifPresent(usages::add);
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    choice.delta().content().ifPresent(text::append);
                    choice.finishReason().ifPresent(finishes::add);
                }
            });
        }

        assertEquals("The sky looks blue because of Rayleigh scattering.", text.toString());
        assertEquals(List.of(ChatCompletionChunk.Choice.FinishReason.STOP), finishes);
        assertEquals(1, usages.size(), "include_usage asks for one usage chunk");
        assertEquals(14, usages.get(0).promptTokens());
        assertEquals(1, ids.stream().distinct().count(), "every chunk belongs to one completion: " + ids);
    }

    @Test
    void aStreamCutMidAnswerIsAnSseExceptionInTheSdkNotACleanEnd() {
        List<String> pieces = ChatCompletionsGatewayTest.ssePieces(
                ChatCompletionsGatewayTest.fixture("openai/stream-text.sse"));
        CountDownLatch firstChunkSeen = new CountDownLatch(1);
        UPSTREAMS.get("fakeopenai").enqueue(FakeUpstream.Reply.cutAfter("text/event-stream", pieces.subList(0, 3),
                firstChunkSeen));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Why is the sea blue?").build();
        StringBuilder text = new StringBuilder();

        SseException broken;
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(params)) {
            // The upstream cuts its stream only once the SDK has read a chunk: delivered, then cut.
            broken = assertThrows(SseException.class, () -> stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                firstChunkSeen.countDown();
            }));
        }

        assertEquals("The sky looks blue", text.toString());
        assertEquals(Optional.of("provider_stream_broken"), broken.type());
    }

    @Test
    void whenTheFirstDeploymentFailsTheSdkStillGetsAWellFormedAnswer() throws Exception {
        String prompt = "Which city is the capital of France?";
        List<String> order = SdkClients.rankedProviders(gateway, prompt, "fallback-model");
        assertEquals(2, order.size(), order.toString());
        FakeUpstream.Reply serverError = FakeUpstream.Reply.json(500,
                "{\"error\":{\"message\":\"internal\",\"type\":\"server_error\"}}");
        // The first attempt and its three retries all fail; the other deployment answers.
        UPSTREAMS.get(order.get(0)).enqueue(serverError, serverError, serverError, serverError);
        UPSTREAMS.get(order.get(1)).enqueue(success(order.get(1)));

        ChatCompletion answer = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("fallback-model").addUserMessage(prompt).build());

        assertEquals(Optional.of(PARIS), answer.choices().get(0).message().content());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, answer.choices().get(0).finishReason());
        assertTrue(answer.usage().orElseThrow().totalTokens() > 0);
        assertEquals(order.get(1), gatewayField(answer, "provider"));
        Map<?, ?> metadata = (Map<?, ?>) gateway(answer).get("routing_metadata");
        assertEquals(true, metadata.get("fallback_used"));
        assertFalse(UPSTREAMS.get(order.get(0)).requests().isEmpty());
        answer.validate();
    }

    @Test
    void theSameRequestTwiceIsAnsweredTheSecondTimeFromTheCache() throws Exception {
        String prompt = "Tell me the capital of France.";
        String first = SdkClients.rankedProviders(gateway, prompt, null).get(0);
        UPSTREAMS.get(first).enqueue(success(first));
        int before = UPSTREAMS.get(first).requests().size();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("auto")
                .addUserMessage(prompt).build();

        ChatCompletion miss = sdk.chat().completions().create(params);
        ChatCompletion hit = sdk.chat().completions().create(params);

        assertEquals(before + 1, UPSTREAMS.get(first).requests().size(), "the second answer came from the cache");
        assertEquals(miss.choices(), hit.choices());
        CompletionUsage missUsage = miss.usage().orElseThrow();
        CompletionUsage hitUsage = hit.usage().orElseThrow();
        assertEquals(missUsage.promptTokens(), hitUsage.promptTokens());
        assertEquals(missUsage.completionTokens(), hitUsage.completionTokens());
        assertEquals(missUsage.completionTokensDetails(), hitUsage.completionTokensDetails());
        // The hit read no provider's prompt cache: its usage says so, as its ledger row does.
        assertTrue(missUsage.promptTokensDetails().orElseThrow().cachedTokens().orElseThrow() > 0);
        assertEquals(0L, hitUsage.promptTokensDetails().orElseThrow().cachedTokens().orElseThrow());
        assertEquals(miss.model(), hit.model());
        assertNotEquals(miss.id(), hit.id(), "each request has its own id");
        assertEquals(false, gateway(miss).get("cache_hit"));
        assertEquals(true, gateway(hit).get("cache_hit"));
        hit.validate();
    }

    /** The answering deployment's own protocol's success body. */
    private static FakeUpstream.Reply success(String provider) {
        String fixture = provider.equals("fakeanthropic") ? "anthropic/message-text.json" : "openai/completion-text.json";
        return FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture(fixture));
    }

    /** The gateway's "switchboard" object, which the SDK keeps among the completion's extra fields. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> gateway(ChatCompletion answer) {
        JsonValue value = answer._allProperties().get("switchboard");
        assertTrue(value != null, "the answer carries the gateway's fields");
        return value.convert(Map.class);
    }

    private static String gatewayField(ChatCompletion answer, String name) {
        return (String) gateway(answer).get(name);
    }
}
