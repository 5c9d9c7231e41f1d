package dev.switchboard.provider.openai;

import dev.switchboard.provider.Usage;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenAiUsageTest {

    private static JsonNode json(String text) throws IOException {
        return JsonMapper.createDefault().readValue(text, JsonNode.class);
    }

    @Test
    void audioInputIsItsOwnPartBesideTheCachedOne() throws IOException {
        Usage usage = OpenAiUsage.of(json("{\"prompt_tokens\": 1000, \"completion_tokens\": 10, \"prompt_tokens_details\":"
                + " {\"cached_tokens\": 100, \"audio_tokens\": 900}}"));

        assertEquals(new Usage(1000, 10, 0, 100, 0, 900), usage);
    }

    @Test
    void audioTheCacheAlsoServedIsNotCountedTwice() throws IOException {
        Usage usage = OpenAiUsage.of(json("{\"prompt_tokens\": 1000, \"completion_tokens\": 10, \"prompt_tokens_details\":"
                + " {\"cached_tokens\": 600, \"audio_tokens\": 900}}"));

        assertEquals(new Usage(1000, 10, 0, 600, 0, 400), usage);
    }
}
