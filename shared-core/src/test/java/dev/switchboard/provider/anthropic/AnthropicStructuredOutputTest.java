package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** response_format as Anthropic's structured outputs (output_config.format), compared as JSON trees. */
class AnthropicStructuredOutputTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final AnthropicRequestMapper MAPPER = new AnthropicRequestMapper(JSON);
    private static final String SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"},"population":{"type":"integer"}},
             "required":["city","population"],"additionalProperties":false}""";

    private static ChatRequest asking(ResponseFormat format) {
        return new ChatRequest("claude-sonnet-4-5", List.of(ChatMessage.user("Largest city of Norway?")), 200)
                .withOptions(new GenerationOptions(null, List.of(), format));
    }

    private static JsonNode body(ChatRequest request, boolean stream) throws IOException {
        return JSON.readValue(MAPPER.body(request, stream), JsonNode.class);
    }

    @Test
    void aJsonSchemaGoesAsOutputConfigFormatWithTheSchemaAsGiven() throws IOException {
        JsonNode sent = body(asking(ResponseFormat.jsonSchema("city", SCHEMA, true, "A city and its people")), false);

        assertEquals(JSON.readValue("{\"format\":{\"type\":\"json_schema\",\"schema\":" + SCHEMA + "}}", JsonNode.class),
                sent.get("output_config"));
        assertNull(sent.get("response_format"), "OpenAI's field is not Anthropic's");
        assertFalse(sent.toString().contains("A city and its people"), "Anthropic's format has no description");
    }

    @Test
    void theFormatIsTheSameWhenStreamingAndBesideTools() throws IOException {
        ChatRequest withTools = new ChatRequest("claude-sonnet-4-5", List.of(ChatMessage.user("Weather?")), 200, null,
                List.of(new ToolDefinition("get_weather", null, "{\"type\":\"object\"}")))
                .withOptions(new GenerationOptions(null, List.of(), ResponseFormat.jsonSchema("w", SCHEMA, null, null)));

        JsonNode sent = body(withTools, true);

        assertTrue(sent.get("stream").getBooleanValue());
        assertEquals(1, sent.get("tools").size());
        assertEquals(JSON.readValue(SCHEMA, JsonNode.class), sent.get("output_config").get("format").get("schema"));
    }

    @Test
    void jsonWithoutASchemaCannotBeSaidToAnthropicSoAnotherCandidateMayTakeIt() {
        IllegalArgumentException object = assertThrows(IllegalArgumentException.class,
                () -> MAPPER.body(asking(ResponseFormat.JSON_OBJECT), false));
        IllegalArgumentException schemaless = assertThrows(IllegalArgumentException.class,
                () -> MAPPER.body(asking(ResponseFormat.jsonSchema("any", null, null, null)), false));

        assertTrue(object.getMessage().contains("json_object has none"), object.getMessage());
        assertTrue(schemaless.getMessage().contains("this json_schema has none"), schemaless.getMessage());
    }

    @Test
    void aTextAnswerCarriesNoOutputConfig() throws IOException {
        assertNull(body(asking(ResponseFormat.TEXT), false).get("output_config"));
    }
}
