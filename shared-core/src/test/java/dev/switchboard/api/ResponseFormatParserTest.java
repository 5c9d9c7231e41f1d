package dev.switchboard.api;

import dev.switchboard.provider.ResponseFormat;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** response_format as POST /v1/chat/completions reads it. */
class ResponseFormatParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final ChatCompletionRequestParser parser = new ChatCompletionRequestParser(JSON);

    private ResponseFormat format(String responseFormat) {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Answer in JSON\"}],\"response_format\":"
                + responseFormat + "}";
        return parser.parse(body.getBytes(StandardCharsets.UTF_8)).options().format();
    }

    @Test
    void textAndNullAreTheDefaultAndJsonObjectAsksForAnyObject() {
        assertEquals(ResponseFormat.TEXT, format("null"));
        assertEquals(ResponseFormat.TEXT, format("{\"type\":\"text\"}"));
        assertEquals(ResponseFormat.JSON_OBJECT, format("{\"type\":\"json_object\"}"));
    }

    @Test
    void aJsonSchemaKeepsItsNameSchemaStrictAndDescription() {
        ResponseFormat full = format("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather_2\",\"description\":"
                + "\"Today\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"number\"}}}}}");
        ResponseFormat bare = format("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":{},"
                + "\"strict\":null}}");

        assertEquals(ResponseFormat.jsonSchema("weather_2", "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":"
                + "\"number\"}}}", true, "Today"), full);
        assertEquals(ResponseFormat.jsonSchema("w", "{}", null, null), bare);
        assertEquals(ResponseFormat.jsonSchema("w", null, null, null),
                format("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\"}}"), "OpenAI's schema is optional");
        assertNotEquals(full.canonical(), bare.canonical(), "another schema is another cache entry");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"json_object\"|response_format",
            "{}|response_format",
            "{\"type\":\"xml\"}|response_format.type",
            "{\"type\":\"json_object\",\"schema\":{}}|response_format.schema",
            "{\"type\":\"json_schema\"}|response_format.json_schema",
            "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{}}}|response_format.json_schema.name",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"has space\",\"schema\":{}}}|response_format.json_schema.name",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":[]}}|response_format.json_schema.schema",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":{},\"strict\":\"yes\"}}|response_format.json_schema.strict",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":{},\"description\":5}}|response_format.json_schema.description",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":{},\"format\":1}}|response_format.json_schema.format"})
    void aMalformedFormatIs400NamingTheField(String responseFormat, String field) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> format(responseFormat));

        assertEquals(field, refused.field(), refused.getMessage());
        assertEquals(400, refused.status());
    }
}
