package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.provider.TestImages;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images in chat messages through the gateway over real HTTP: an inline image reaches each protocol's
 * upstream in its own words with the text around it in order, an image by address skips Gemini (inline
 * images only) for the next candidate, deployments without vision are never offered an image, a bad
 * image part is a 400 naming its field, and the response cache keys inline images by their bytes and
 * never caches a request with an address.
 */
class ImageInputGatewayTest {

    private static final String KEY = "sk-image-test";
    private static final String VISION = "tools: true, streaming: true, vision: true";
    private static final String ADDRESS = "https://images.example.com/cat.png?signature=abc123";

    @TempDir
    static Path data;

    private static FakeUpstream openai;
    private static FakeUpstream gemini;
    private static FakeUpstream anthropic;
    private static LocalGateway gateway;
    private static JsonMapper json;
    /** A real 3x2 red PNG, base64. */
    private static final String PNG = base64(3, 2, 0xff0000, "png");

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start();
        gemini = FakeUpstream.start();
        anthropic = FakeUpstream.start();
        // Gemini ranks before OpenAI (cheaper, higher priority), so that skipping it can be seen.
        gateway = FakeProviders.start(data, KEY,
                FakeProviders.provider("imgopenai", "openai", openai.baseUri().toString(), "gpt-4o-mini", 0, VISION),
                FakeProviders.provider("imggemini", "gemini", gemini.baseUri().toString(), "gemini-1.5-flash", 10,
                        VISION),
                FakeProviders.provider("imganthropic", "anthropic", anthropic.baseUri().toString(),
                        "claude-3-5-haiku-20241022", 5, VISION));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(openai, gemini, anthropic).forEach(FakeUpstream::close);
    }

    @Test
    void openAiIsSentTheCallersContentPartsAsGivenWithTheDataUrlAndDetail() throws Exception {
        openai.enqueue(ok("openai/completion-text.json"));
        String turn = imageTurn("What is in this picture? ", dataUrl(PNG), "low", " Answer briefly. (openai)");

        HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"messages\":[" + turn + "]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(tree("[" + turn + "]"), lastBody(openai).get("messages"));
    }

    @Test
    void geminiIsSentTheImageAsInlineDataBetweenItsTextParts() throws Exception {
        gemini.enqueue(ok("gemini/generate-text.json"));

        HttpResponse<String> response = post("{\"model\":\"gemini-1.5-flash\",\"messages\":["
                + imageTurn("What is in this picture? ", dataUrl(PNG), "high", " Answer briefly. (gemini)") + "]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(tree("[{\"role\":\"user\",\"parts\":[{\"text\":\"What is in this picture? \"},"
                        + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + PNG + "\"}},"
                        + "{\"text\":\" Answer briefly. (gemini)\"}]}]"),
                lastBody(gemini).get("contents"));
    }

    @Test
    void anthropicIsSentAnImageBlockWithABase64SourceBetweenItsTextBlocks() throws Exception {
        anthropic.enqueue(ok("anthropic/message-text.json"));

        HttpResponse<String> response = post("{\"model\":\"claude-3-5-haiku-20241022\",\"messages\":["
                + imageTurn("What is in this picture? ", dataUrl(PNG), null, " Answer briefly. (anthropic)") + "]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(tree("[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"What is in this picture? \"},"
                        + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                        + "\"data\":\"" + PNG + "\"}},"
                        + "{\"type\":\"text\",\"text\":\" Answer briefly. (anthropic)\"}]}]"),
                lastBody(anthropic).get("messages"));
    }

    @Test
    void anImageByAddressSkipsGeminiWhichTakesInlineImagesOnlyAndReachesOpenAiUnchanged() throws Exception {
        String prompt = "Describe this photo. (address)";
        assertEquals(List.of("imggemini", "imgopenai"), SdkClients.rankedProviders(gateway, prompt,
                "imggemini,imgopenai"), "Gemini must rank first for the skip to show");
        int geminiCalls = gemini.requests().size();
        openai.enqueue(ok("openai/completion-text.json"));
        String turn = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + prompt + "\"},"
                + imagePart(ADDRESS, "high") + "]}";

        HttpResponse<String> response = post("{\"model\":\"auto\",\"allow\":[\"imggemini\",\"imgopenai\"],"
                + "\"messages\":[" + turn + "]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(geminiCalls, gemini.requests().size(), "nothing was sent to Gemini");
        assertEquals(tree("[" + turn + "]"), lastBody(openai).get("messages"));
        JsonNode fields = tree(response.body()).get("switchboard");
        assertEquals("imgopenai", fields.get("provider").getStringValue());
        JsonNode metadata = fields.get("routing_metadata");
        assertTrue(metadata.get("fallback_used").getBooleanValue(), response.body());
        List<String> attempted = new ArrayList<>();
        metadata.get("attempted").values().forEach(a -> attempted.add(a.getStringValue()));
        assertEquals(List.of("imggemini/gemini-1.5-flash (unsupported)"), attempted);
        assertEquals("1", response.headers().firstValue("x-switchboard-fallbacks").orElseThrow());
        assertEquals("imgopenai", response.headers().firstValue("x-switchboard-provider").orElseThrow());
    }

    @Test
    void withoutAVisionDeploymentAnImageIsA422NamingEachDeployment(@TempDir Path textOnly) throws Exception {
        int calls = upstreamCalls();
        // Its own gateway, so that no deployment at all can see; in memory, since it needs no shared state.
        try (LocalGateway text = FakeProviders.start(textOnly, Map.of("SWITCHBOARD_STATE_STORE", "memory"), KEY,
                FakeProviders.provider("textopenai", "openai", openai.baseUri().toString(), "gpt-4o-mini", 0,
                        "tools: true, vision: false"),
                FakeProviders.provider("textanthropic", "anthropic", anthropic.baseUri().toString(),
                        "claude-3-5-haiku-20241022", 0, "vision: false"))) {
            HttpResponse<String> refused = GatewayCalls.post(text, "/v1/chat/completions", null,
                    "{\"model\":\"auto\",\"messages\":[" + imageTurn("What is this? ", dataUrl(PNG), null,
                            "(no vision)") + "]}");

            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals(calls, upstreamCalls(), "nothing was sent upstream");
            JsonNode error = tree(refused.body()).get("error");
            assertEquals("no_eligible_deployment", error.get("type").getStringValue());
            String message = error.get("message").getStringValue();
            assertTrue(message.contains("textopenai/gpt-4o-mini does not support images (vision)"), message);
            assertTrue(message.contains("textanthropic/claude-3-5-haiku-20241022 does not support images (vision)"),
                    message);

            // The same deployments answer text: the image alone made the difference.
            openai.enqueue(ok("openai/completion-text.json"));
            HttpResponse<String> answered = GatewayCalls.post(text, "/v1/chat/completions", null,
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is this? (text)\"}]}");
            assertEquals(200, answered.statusCode(), answered.body());
        }
    }

    static Stream<Arguments> badImageInput() {
        String image = imagePart(dataUrl(PNG), null);
        String url = "messages[0].content[1].image_url.url";
        return Stream.of(
                Arguments.of("an image in an assistant turn", "[{\"role\":\"user\",\"content\":\"Draw a cat\"},"
                        + "{\"role\":\"assistant\",\"content\":[" + image + "]},"
                        + "{\"role\":\"user\",\"content\":\"Again\"}]", "messages[1].content[0]"),
                Arguments.of("PNG bytes said to be JPEG", userTurn(imagePart("data:image/jpeg;base64," + PNG, null)),
                        url),
                Arguments.of("a BMP", userTurn(imagePart("data:image/bmp;base64," + base64(2, 2, 0xff, "bmp"),
                        null)), url),
                Arguments.of("detail medium", userTurn(imagePart(dataUrl(PNG), "medium")),
                        "messages[0].content[1].image_url.detail"),
                Arguments.of("a WAV cut before its header ends", userTurn("{\"type\":\"input_audio\",\"input_audio\":"
                        + "{\"data\":\"UklGRg==\",\"format\":\"wav\"}}"), "messages[0].content[1].input_audio.data"),
                Arguments.of("an input_video part", userTurn("{\"type\":\"input_video\"}"), "messages[0].content[1]"),
                Arguments.of("an ftp address", userTurn(imagePart("ftp://images.example.com/cat.png", null)), url));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badImageInput")
    void badImageInputIsA400NamingTheFieldAndReachesNoUpstream(String name, String messages, String field)
            throws Exception {
        int calls = upstreamCalls();

        HttpResponse<String> response = post("{\"model\":\"auto\",\"messages\":" + messages + "}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = tree(response.body()).get("error");
        assertEquals(field, error.get("field").getStringValue(), response.body());
        assertEquals(field, error.get("param").getStringValue(), response.body());
        assertEquals(calls, upstreamCalls(), "nothing was sent upstream");
        // An error never repeats the caller's image or its address.
        assertFalse(response.body().contains(PNG) || response.body().contains("images.example.com"),
                response.body());
    }

    @Test
    void theSameInlineImageTwiceIsAnsweredTheSecondTimeFromTheCache() throws Exception {
        openai.enqueue(ok("openai/completion-text.json"));
        int calls = openai.requests().size();
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + imageTurn("What is this? ", dataUrl(PNG), "auto", "(cache, same image)") + "]}";

        HttpResponse<String> first = post(body);
        HttpResponse<String> second = post(body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(calls + 1, openai.requests().size(), "the second answer came from the cache");
        assertEquals("miss", cache(first));
        assertEquals("hit", cache(second));
        assertFalse(tree(first.body()).get("switchboard").get("cache_hit").getBooleanValue());
        assertTrue(tree(second.body()).get("switchboard").get("cache_hit").getBooleanValue());
        assertEquals(tree(first.body()).get("choices"), tree(second.body()).get("choices"));
    }

    @Test
    void anotherImageWithTheSameTextIsNotACacheHit() throws Exception {
        openai.enqueue(ok("openai/completion-text.json"), ok("openai/completion-text.json"));
        int calls = openai.requests().size();
        String blue = base64(3, 2, 0x0000ff, "png");

        HttpResponse<String> red = post("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + imageTurn("What is this? ", dataUrl(PNG), "auto", "(cache, other image)") + "]}");
        HttpResponse<String> other = post("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + imageTurn("What is this? ", dataUrl(blue), "auto", "(cache, other image)") + "]}");

        assertEquals(200, red.statusCode(), red.body());
        assertEquals(200, other.statusCode(), other.body());
        assertEquals(calls + 2, openai.requests().size(), "both images were sent upstream");
        assertEquals("miss", cache(red));
        assertEquals("miss", cache(other));
        List<FakeUpstream.Recorded> sent = openai.requests();
        assertTrue(sent.get(sent.size() - 2).body().contains(PNG), "the first image went upstream");
        assertTrue(sent.get(sent.size() - 1).body().contains(blue), "the second image went upstream");
    }

    @Test
    void aRequestWithAnImageByAddressIsNeverCached() throws Exception {
        openai.enqueue(ok("openai/completion-text.json"), ok("openai/completion-text.json"));
        int calls = openai.requests().size();
        // What the address serves may change while the request would not.
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + imageTurn("What is this? ", ADDRESS, null, "(cache, address)") + "]}";

        HttpResponse<String> first = post(body);
        HttpResponse<String> second = post(body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(calls + 2, openai.requests().size(), "both reached the upstream");
        assertEquals("bypass", cache(first));
        assertEquals("bypass", cache(second));
        assertFalse(tree(second.body()).get("switchboard").get("cache_hit").getBooleanValue());
    }

    @Test
    void theOpenAiSdksImageContentPartRoundTripsThroughTheGateway() throws Exception {
        openai.enqueue(ok("openai/completion-text.json"));
        String url = dataUrl(base64(2, 2, 0x00ff00, "png"));
        OpenAIClient sdk = SdkClients.of(gateway, "unused-while-authentication-is-off");

        ChatCompletion answer = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                                .text("What colour is this? (sdk)").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(url)
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.HIGH).build())
                                .build())))
                .build());

        assertEquals("Paris is the capital of France.", answer.choices().get(0).message().content().orElseThrow());
        assertEquals(tree("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What colour is this? "
                + "(sdk)\"}," + imagePart(url, "high") + "]}]"), lastBody(openai).get("messages"));
    }

    /** A user turn of text, an image, then text: the order each upstream must keep. */
    private static String imageTurn(String before, String url, String detail, String after) {
        return "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + before + "\"},"
                + imagePart(url, detail) + ",{\"type\":\"text\",\"text\":\"" + after + "\"}]}";
    }

    /** One user turn whose second part is {@code part} (the field paths above count on it). */
    private static String userTurn(String part) {
        return "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look: \"}," + part + "]}]";
    }

    private static String imagePart(String url, String detail) {
        return "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}}";
    }

    private static String dataUrl(String png) {
        return "data:image/png;base64," + png;
    }

    /** A real image in one colour, base64: the gateway reads its header, so it must be one. */
    private static String base64(int width, int height, int rgb, String format) {
        return TestImages.base64(TestImages.written(format, width, height, rgb));
    }

    private static FakeUpstream.Reply ok(String fixture) {
        return FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture(fixture));
    }

    private static int upstreamCalls() {
        return openai.requests().size() + gemini.requests().size() + anthropic.requests().size();
    }

    private static String cache(HttpResponse<String> response) {
        return response.headers().firstValue("x-switchboard-cache").orElseThrow();
    }

    private static JsonNode lastBody(FakeUpstream upstream) throws IOException {
        List<FakeUpstream.Recorded> requests = upstream.requests();
        return tree(requests.get(requests.size() - 1).body());
    }

    private static JsonNode tree(String text) throws IOException {
        return json.readValue(text, JsonNode.class);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return GatewayCalls.post(gateway, "/v1/chat/completions", null, body);
    }
}
