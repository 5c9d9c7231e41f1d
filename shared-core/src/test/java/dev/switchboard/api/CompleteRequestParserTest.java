package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CompleteRequestParserTest {

    /** The serde-jackson mapper the functions use, without starting an application context. */
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final CompleteRequestParser parser = new CompleteRequestParser(JSON);

    private CompleteRequest parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidRequestException rejected(String body) {
        return assertThrows(InvalidRequestException.class, () -> parse(body), body);
    }

    @Test
    void aMinimalBodyGetsTheDefaults() {
        assertEquals(new CompleteRequest("hi", 1000, false, null), parse("{\"prompt\":\"hi\"}"));
    }

    @Test
    void readsEveryField() {
        CompleteRequest request = parse("""
                {"prompt": "Explain CAP", "max_tokens": 250, "auto_route": true, "tokenizer_id": "cl100k_base"}
                """);

        assertEquals(new CompleteRequest("Explain CAP", 250, true, "cl100k_base"), request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void refusesABodyThatIsNotUtf8(String what, byte[] body) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parser.parse(body), what);

        assertEquals("Request body is not UTF-8 text", e.getMessage());
        assertNull(e.field());
    }

    static Stream<Arguments> notUtf8() {
        byte[] latin1 = "{\"prompt\":\"R\u00e9sum\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] surrogate = "{\"prompt\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] encodedSurrogate = new byte[surrogate.length + 3];
        System.arraycopy(surrogate, 0, encodedSurrogate, 0, 11);
        // U+D800 written as three bytes: CESU-8, not UTF-8.
        encodedSurrogate[11] = (byte) 0xED;
        encodedSurrogate[12] = (byte) 0xA0;
        encodedSurrogate[13] = (byte) 0x80;
        System.arraycopy(surrogate, 11, encodedSurrogate, 14, surrogate.length - 11);
        byte[] overlong = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        return Stream.of(arguments("Latin-1", latin1), arguments("an encoded surrogate", encodedSurrogate),
                arguments("an overlong '/'", overlong));
    }

    @Test
    void explicitNullsMeanTheDefaults() {
        assertEquals(new CompleteRequest("hi", 1000, false, null),
                parse("{\"prompt\":\"hi\",\"max_tokens\":null,\"auto_route\":null,\"tokenizer_id\":null}"));
    }

    @ParameterizedTest(name = "max_tokens={0}")
    @ValueSource(ints = {1, 4000})
    void acceptsMaxTokensAtItsBounds(int maxTokens) {
        assertEquals(maxTokens, parse("{\"prompt\":\"hi\",\"max_tokens\":" + maxTokens + "}").maxTokens());
    }

    @Test
    void keepsThePromptAsSentIncludingSurroundingWhitespaceAndUnicode() {
        assertEquals("  héllo, 世界 😀\n", parse("{\"prompt\":\"  héllo, 世界 😀\\n\"}").prompt());
    }

    @Test
    void acceptsAPromptOfExactlyTheMaximumLength() {
        String prompt = "a".repeat(CompleteRequestParser.MAX_PROMPT_CHARS);

        assertEquals(prompt.length(), parse("{\"prompt\":\"" + prompt + "\"}").prompt().length());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                // body-level problems name no field
                arguments("malformed JSON", "{\"prompt\":", null),
                arguments("single quotes", "{'prompt':'hi'}", null),
                arguments("trailing comma", "{\"prompt\":\"hi\",}", null),
                arguments("empty body", "", null),
                arguments("blank body", "  \n ", null),
                arguments("JSON null", "null", null),
                arguments("JSON array", "[{\"prompt\":\"hi\"}]", null),
                arguments("JSON string", "\"hi\"", null),
                arguments("JSON number", "42", null),
                // prompt
                arguments("missing prompt", "{}", "prompt"),
                arguments("missing prompt, other fields", "{\"max_tokens\":10}", "prompt"),
                arguments("null prompt", "{\"prompt\":null}", "prompt"),
                arguments("empty prompt", "{\"prompt\":\"\"}", "prompt"),
                arguments("blank prompt", "{\"prompt\":\"   \"}", "prompt"),
                arguments("whitespace-only prompt", "{\"prompt\":\"\\n\\t\"}", "prompt"),
                arguments("prompt as number", "{\"prompt\":42}", "prompt"),
                arguments("prompt as boolean", "{\"prompt\":true}", "prompt"),
                arguments("prompt as object", "{\"prompt\":{\"text\":\"hi\"}}", "prompt"),
                arguments("prompt as array", "{\"prompt\":[\"hi\"]}", "prompt"),
                // max_tokens
                arguments("max_tokens 0", "{\"prompt\":\"hi\",\"max_tokens\":0}", "max_tokens"),
                arguments("max_tokens 4001", "{\"prompt\":\"hi\",\"max_tokens\":4001}", "max_tokens"),
                arguments("max_tokens -1", "{\"prompt\":\"hi\",\"max_tokens\":-1}", "max_tokens"),
                arguments("max_tokens 1.5", "{\"prompt\":\"hi\",\"max_tokens\":1.5}", "max_tokens"),
                arguments("max_tokens 100.0", "{\"prompt\":\"hi\",\"max_tokens\":100.0}", "max_tokens"),
                arguments("max_tokens 1e3 (a floating-point literal)", "{\"prompt\":\"hi\",\"max_tokens\":1e3}",
                        "max_tokens"),
                arguments("max_tokens as string", "{\"prompt\":\"hi\",\"max_tokens\":\"100\"}", "max_tokens"),
                arguments("max_tokens as boolean", "{\"prompt\":\"hi\",\"max_tokens\":true}", "max_tokens"),
                arguments("max_tokens as array", "{\"prompt\":\"hi\",\"max_tokens\":[100]}", "max_tokens"),
                arguments("max_tokens above long range", "{\"prompt\":\"hi\",\"max_tokens\":99999999999999999999}",
                        "max_tokens"),
                arguments("max_tokens that wraps to 1000 as an int", "{\"prompt\":\"hi\",\"max_tokens\":4294968296}",
                        "max_tokens"),
                // auto_route
                arguments("auto_route as string", "{\"prompt\":\"hi\",\"auto_route\":\"true\"}", "auto_route"),
                arguments("auto_route as 1", "{\"prompt\":\"hi\",\"auto_route\":1}", "auto_route"),
                arguments("auto_route as object", "{\"prompt\":\"hi\",\"auto_route\":{}}", "auto_route"),
                // tokenizer_id
                arguments("tokenizer_id as number", "{\"prompt\":\"hi\",\"tokenizer_id\":5}", "tokenizer_id"),
                arguments("tokenizer_id as object", "{\"prompt\":\"hi\",\"tokenizer_id\":{}}", "tokenizer_id"),
                // unknown fields, even when everything else is valid
                arguments("unknown field", "{\"prompt\":\"hi\",\"foo\":1}", "foo"),
                arguments("misspelt field", "{\"prompt\":\"hi\",\"maxTokens\":10}", "maxTokens"),
                arguments("unknown field only", "{\"foo\":\"bar\"}", "foo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsWithA400NamingTheField(String description, String body, String field) {
        InvalidRequestException e = rejected(body);

        assertEquals(400, e.status());
        assertEquals("invalid_request", e.type());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(new ApiError("invalid_request", e.getMessage(), field), e.toError());
        if (field != null) {
            assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
        }
    }

    @Test
    void aNullBodyIsABodyLevelError() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parser.parse(null));

        assertNull(e.field());
        assertEquals("Request body is required: a JSON object", e.getMessage());
    }

    @Test
    void messagesSayWhatToFix() {
        assertEquals("Request body is not valid JSON", rejected("{").getMessage());
        assertEquals("Request body must be a JSON object", rejected("[]").getMessage());
        assertEquals("'prompt' is required", rejected("{}").getMessage());
        assertEquals("'prompt' must not be blank", rejected("{\"prompt\":\" \"}").getMessage());
        assertEquals("'prompt' must be a string", rejected("{\"prompt\":1}").getMessage());
        assertEquals("'max_tokens' must be an integer between 1 and 4000",
                rejected("{\"prompt\":\"hi\",\"max_tokens\":0}").getMessage());
        assertEquals("'auto_route' must be true or false",
                rejected("{\"prompt\":\"hi\",\"auto_route\":\"yes\"}").getMessage());
        assertEquals("Unknown field 'foo'", rejected("{\"prompt\":\"hi\",\"foo\":1}").getMessage());
    }

    @Test
    void refusesAPromptLongerThanTheMaximum() {
        InvalidRequestException e = rejected("{\"prompt\":\"" + "a".repeat(CompleteRequestParser.MAX_PROMPT_CHARS + 1)
                + "\"}");

        assertEquals("prompt", e.field());
        assertEquals("'prompt' must be at most 400000 characters", e.getMessage());
    }

    @Test
    void messagesNeverLeakJavaTypeNames() {
        for (String body : new String[] {"{", "{\"prompt\":[1]}", "{\"prompt\":\"hi\",\"max_tokens\":\"x\"}"}) {
            String message = rejected(body).getMessage();
            assertTrue(!message.contains("java.") && !message.contains("Exception"), message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"prompt\":\"hi\"} x", "{\"prompt\":\"hi\"}{\"prompt\":\"other\"}", "{\"prompt\":\"hi\"}]"})
    void rejectsTrailingContentAfterTheObject(String body) {
        InvalidRequestException e = rejected(body);

        assertNull(e.field());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        InvalidRequestException e = rejected("{\"prompt\":\"hi\",\"max_tokens\":10,\"max_tokens\":4000}");

        assertEquals("max_tokens", e.field());
        assertEquals("Field 'max_tokens' appears more than once", e.getMessage());
    }
}
