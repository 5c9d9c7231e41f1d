package dev.switchboard.provider.gemini;

import dev.switchboard.provider.Usage;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeminiUsageTest {

    @Test
    void thePromptsAudioModalityIsItsAudioPart() throws IOException {
        JsonNode metadata = JsonMapper.createDefault().readValue("{\"promptTokenCount\": 1000, \"candidatesTokenCount\": 10,"
                + " \"promptTokensDetails\": [{\"modality\": \"TEXT\", \"tokenCount\": 100},"
                + " {\"modality\": \"AUDIO\", \"tokenCount\": 900}]}", JsonNode.class);

        assertEquals(new Usage(1000, 10, 0, 0, 0, 900), GeminiUsage.of(metadata));
    }

    @Test
    void withoutDetailsThereIsNoAudioPart() throws IOException {
        JsonNode metadata = JsonMapper.createDefault().readValue("{\"promptTokenCount\": 1000, \"candidatesTokenCount\": 10}",
                JsonNode.class);

        assertEquals(new Usage(1000, 10), GeminiUsage.of(metadata));
    }
}
