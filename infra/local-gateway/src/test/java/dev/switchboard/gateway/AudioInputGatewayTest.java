package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.TestAudio;
import dev.switchboard.provider.http.FakeUpstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio clips through the gateway: routed to audio deployments only, and sent as each protocol's clip. */
class AudioInputGatewayTest {

    private static final String KEY = "sk-audio-test";
    private static final String WAV = TestAudio.base64Wav(2000);

    @TempDir
    static Path data;
    private static FakeUpstream plain;
    private static FakeUpstream openai;
    private static FakeUpstream gemini;
    private static LocalGateway gateway;
    private static JsonMapper json;

    @BeforeAll
    static void start() throws Exception {
        plain = FakeUpstream.start();
        openai = FakeUpstream.start();
        gemini = FakeUpstream.start();
        // The deployment that hears nothing ranks first: a clip must pass it over.
        gateway = FakeProviders.start(data, Map.of("SWITCHBOARD_STATE_STORE", "memory"), KEY,
                FakeProviders.provider("plainopenai", "openai", plain.baseUri().toString(), "gpt-4o-mini", 10,
                        "vision: true"),
                FakeProviders.provider("audiogemini", "gemini", gemini.baseUri().toString(), "gemini-1.5-flash", 5,
                        "audio: true"),
                FakeProviders.provider("audioopenai", "openai", openai.baseUri().toString(), "gpt-4o", 0,
                        "audio: true"));
        json = gateway.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(plain, openai, gemini).forEach(FakeUpstream::close);
    }

    private static String clipTurn() {
        return "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Transcribe this.\"},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"" + WAV + "\",\"format\":\"wav\"}}]}";
    }

    private static JsonNode lastSent(FakeUpstream upstream) throws Exception {
        return GatewayCalls.lastBody(json, upstream);
    }

    @Test
    void aClipGoesOnlyToADeploymentThatHearsAsInlineDataForGemini() throws Exception {
        gemini.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("gemini/generate-text.json")));
        int plainCalls = plain.requests().size();

        HttpResponse<String> answer = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"auto\",\"allow\":[\"plainopenai\",\"audiogemini\"],\"messages\":[" + clipTurn() + "]}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("audiogemini", answer.headers().firstValue("x-switchboard-provider").orElseThrow());
        assertEquals(plainCalls, plain.requests().size(), "the deployment without audio was not asked");
        assertEquals(json.readValue("[{\"text\":\"Transcribe this.\"},{\"inlineData\":{\"mimeType\":\"audio/wav\","
                + "\"data\":\"" + WAV + "\"}}]", JsonNode.class), lastSent(gemini).get("contents").get(0).get("parts"));
    }

    @Test
    void openAiIsSentTheClipAsAnInputAudioPart() throws Exception {
        openai.enqueue(FakeUpstream.Reply.json(200, ChatCompletionsGatewayTest.fixture("openai/completion-text.json")));

        HttpResponse<String> answer = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"gpt-4o\",\"messages\":[" + clipTurn() + "]}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(json.readValue("{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"" + WAV
                + "\",\"format\":\"wav\"}}", JsonNode.class), lastSent(openai).get("messages").get(0).get("content").get(1));
    }

    @Test
    void aClipPinnedToADeploymentThatCannotHearIsA422SayingWhy() throws Exception {
        int calls = plain.requests().size();

        HttpResponse<String> answer = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"model\":\"gpt-4o-mini\",\"messages\":[" + clipTurn() + "]}");

        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("does not take audio input (capability audio)"), answer.body());
        assertEquals(calls, plain.requests().size(), "nothing was sent upstream");
    }

    @Test
    void aMislabelledClipIsA400NamingItsData() throws Exception {
        HttpResponse<String> answer = GatewayCalls.post(gateway, "/v1/chat/completions", null,
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\""
                        + WAV + "\",\"format\":\"mp3\"}}]}]}");

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("messages[0].content[0].input_audio.data", json.readValue(answer.body(), JsonNode.class)
                .get("error").get("field").getStringValue());
    }
}
