package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF files through the gateway: routed to pdf deployments only, and sent as each protocol's file. */
class PdfInputGatewayTest {

    private static final String KEY = "sk-pdf-test";
    private static final String PDF = Base64.getEncoder().encodeToString(TestDocuments.pdf(2));

    @TempDir
    static Path data;
    private static FakeUpstream openai;
    private static FakeUpstream anthropic;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws Exception {
        openai = FakeUpstream.start();
        anthropic = FakeUpstream.start();
        // OpenAI's deployment sees images but reads no PDF here, and ranks first: a file must pass it over.
        gateway = FakeProviders.start(data, Map.of("SWITCHBOARD_STATE_STORE", "memory"), KEY,
                FakeProviders.provider("pdfopenai", "openai", openai.baseUri().toString(), "gpt-4o-mini", 10,
                        "vision: true"),
                FakeProviders.provider("pdfanthropic", "anthropic", anthropic.baseUri().toString(),
                        "claude-3-5-sonnet-20241022", 0, "vision: true, pdf: true"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(openai, anthropic).forEach(FakeUpstream::close);
    }

    private static String turn(String filename) {
        return "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Summarise this.\"},"
                + "{\"type\":\"file\",\"file\":{\"filename\":\"" + filename + "\",\"file_data\":\"data:application/pdf;base64,"
                + PDF + "\"}}]}";
    }

    @Test
    void aPdfGoesOnlyToADeploymentThatReadsItAsADocumentBlock() throws Exception {
        anthropic.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("anthropic/message-text.json")));
        int openAiCalls = openai.requests().size();

        HttpResponse<String> response = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"auto\",\"messages\":[" + turn("q3.pdf") + "]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("pdfanthropic", response.headers().firstValue("x-switchboard-provider").orElseThrow());
        assertEquals(openAiCalls, openai.requests().size(), "the deployment without pdf was not asked");
        List<FakeUpstream.Recorded> sent = anthropic.requests();
        JsonNode messages = json.readValue(sent.get(sent.size() - 1).body(), JsonNode.class).get("messages");
        assertEquals(json.readValue("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Summarise this.\"},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\""
                + PDF + "\"}}]}]", JsonNode.class), messages);
    }

    @Test
    void aPdfPinnedToADeploymentThatCannotReadItIsA422SayingWhy() throws Exception {
        int calls = openai.requests().size() + anthropic.requests().size();

        HttpResponse<String> refused = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"gpt-4o-mini\",\"messages\":[" + turn("q3.pdf") + "]}");

        assertEquals(422, refused.statusCode(), refused.body());
        String message = json.readValue(refused.body(), JsonNode.class).get("error").get("message").getStringValue();
        assertTrue(message.contains("pdfopenai/gpt-4o-mini does not read PDF files (capability pdf)"), message);
        assertEquals(calls, openai.requests().size() + anthropic.requests().size(), "nothing was sent upstream");
    }

    @Test
    void aFileStoredWithOpenAiIsA400NamingTheField() throws Exception {
        HttpResponse<String> refused = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_id\":\"file-1\"}}]}]}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("messages[0].content[0].file.file_id",
                json.readValue(refused.body(), JsonNode.class).get("error").get("param").getStringValue());
    }
}
