package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatCompletionRequestParserTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String USER_HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private final ChatCompletionRequestParser parser = new ChatCompletionRequestParser(JSON);

    private ChatCompletionRequest parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMinimalBodyIsRoutedWithTheDefaults() {
        ChatCompletionRequest request = parse("{" + USER_HI + "}");
        assertNull(request.model(), "no model means Switchboard routes");
        assertEquals(List.of(ChatMessage.user("hi")), request.messages());
        assertEquals(ChatSettings.DEFAULT_MAX_TOKENS, request.maxTokens());
        assertFalse(request.maxTokensGiven(), "the default, which each model's longest answer may cut");
        assertNull(request.temperature());
        assertFalse(request.stream());
        assertFalse(request.includeUsage());
        assertEquals(RoutingPreferences.NONE, request.routing());
    }

    @Test
    void anAnswerBudgetMayBeAsLongAsAModelGives() {
        ChatCompletionRequest request = parse("{" + USER_HI + ",\"max_tokens\":32768}");
        assertEquals(32_768, request.maxTokens(), "seed 001's 4,000 cap is /complete's, not OpenAI's");
        assertTrue(request.maxTokensGiven());
        assertEquals(ChatCompletionRequest.MAX_MAX_TOKENS,
                parse("{" + USER_HI + ",\"max_completion_tokens\":1000000}").maxTokens());
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> parse("{" + USER_HI + ",\"max_completion_tokens\":1000001}"));
        assertEquals("max_completion_tokens", e.field());
        assertThrows(InvalidRequestException.class, () -> parse("{" + USER_HI + ",\"max_tokens\":0}"));
        assertEquals(2_000, new ChatCompletionRequestParser(JSON, new ChatSettings(2_000))
                .parse(("{" + USER_HI + "}").getBytes(StandardCharsets.UTF_8)).maxTokens(), "the configured default");
    }

    @Test
    void toolChoiceIsAutoNoneRequiredOrOneOfTheToolsNamed() {
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                + "\"parameters\":{\"type\":\"object\"}}}]";
        assertEquals(ToolChoice.AUTO, parse("{" + USER_HI + tools + "}").toolChoice());
        assertEquals(ToolChoice.AUTO, parse("{" + USER_HI + tools + ",\"tool_choice\":\"auto\"}").toolChoice());
        assertEquals(ToolChoice.NONE, parse("{" + USER_HI + tools + ",\"tool_choice\":\"none\"}").toolChoice());
        assertEquals(ToolChoice.NONE, parse("{" + USER_HI + ",\"tool_choice\":\"none\"}").toolChoice(),
                "none is OpenAI's default without tools, so saying it is no error");
        assertEquals(ToolChoice.REQUIRED, parse("{" + USER_HI + tools + ",\"tool_choice\":\"required\"}").toolChoice());
        assertEquals(ToolChoice.function("weather"), parse("{" + USER_HI + tools
                + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}}").toolChoice());
        for (String refused : new String[]{"\"always\"", "{\"type\":\"function\",\"function\":{\"name\":\"time\"}}",
                "{\"type\":\"function\"}", "{\"type\":\"tool\",\"function\":{\"name\":\"weather\"}}", "1"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + tools + ",\"tool_choice\":" + refused + "}"), refused);
            assertEquals("tool_choice", e.field());
        }
    }

    @Test
    void parallelToolCallsFalseHoldsTheChoiceToOneCallAndTrueIsTheDefault() {
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                + "\"parameters\":{\"type\":\"object\"}}}]";
        assertTrue(parse("{" + USER_HI + tools + "}").toolChoice().parallel());
        assertTrue(parse("{" + USER_HI + tools + ",\"parallel_tool_calls\":null}").toolChoice().parallel());
        assertEquals(ToolChoice.REQUIRED.oneCallAtATime(), parse("{" + USER_HI + tools
                + ",\"tool_choice\":\"required\",\"parallel_tool_calls\":false}").toolChoice());
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> parse("{" + USER_HI + tools + ",\"parallel_tool_calls\":\"no\"}"));
        assertEquals("parallel_tool_calls", e.field());
    }

    @Test
    void topPAndStopAreTakenAsOpenAiDefinesThem() {
        ChatCompletionRequest request = parse("{" + USER_HI + ",\"top_p\":0.9,\"stop\":[\"END\",\"\\n\"]}");
        assertEquals(new GenerationOptions(0.9, List.of("END", "\n")), request.options());
        assertEquals(List.of("END"), parse("{" + USER_HI + ",\"stop\":\"END\"}").options().stop(), "one string");
        assertEquals(GenerationOptions.NONE, parse("{" + USER_HI + ",\"stop\":null,\"top_p\":null}").options());
        assertNull(parse("{" + USER_HI + ",\"top_p\":1}").options().topP(), "1 is every protocol's default: not sent");
        for (String refused : new String[]{"\"top_p\":1.5", "\"stop\":\"\"", "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]",
                "\"stop\":[1]", "\"stop\":{}"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + "," + refused + "}"), refused);
            assertEquals(refused.startsWith("\"top_p") ? "top_p" : "stop", e.field());
        }
    }

    @Test
    void aSeedIsAnyWholeNumberOpenAiTakesAndNoneByDefault() {
        assertNull(parse("{" + USER_HI + "}").options().seed());
        assertNull(parse("{" + USER_HI + ",\"seed\":null}").options().seed());
        assertEquals(42L, parse("{" + USER_HI + ",\"seed\":42}").options().seed());
        assertEquals(Long.MIN_VALUE, parse("{" + USER_HI + ",\"seed\":" + Long.MIN_VALUE + "}").options().seed());
        assertEquals(Long.MAX_VALUE, parse("{" + USER_HI + ",\"seed\":" + Long.MAX_VALUE + "}").options().seed());
        for (String refused : new String[]{"1.5", "\"42\"", "9223372036854775808", "true"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + ",\"seed\":" + refused + "}"), refused);
            assertEquals("seed", e.field());
        }
    }

    @Test
    void aReasoningEffortIsOneOfOpenAisWordsAndNoneByDefault() {
        assertNull(parse("{" + USER_HI + "}").options().reasoning());
        for (ReasoningEffort effort : ReasoningEffort.values()) {
            assertEquals(effort, parse("{" + USER_HI + ",\"reasoning_effort\":\"" + effort.wireName() + "\"}")
                    .options().reasoning());
        }
        for (String refused : new String[]{"\"HIGH\"", "\"maximum\"", "\"\"", "3"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + ",\"reasoning_effort\":" + refused + "}"), refused);
            assertEquals("reasoning_effort", e.field());
        }
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> parse("{" + USER_HI + ",\"reasoning_effort\":\"max\"}")).getMessage()
                .contains("none, minimal, low, medium, high, xhigh"));
    }

    @Test
    void penaltiesAreNumbersFromMinusTwoToTwoAndZeroByDefault() {
        assertEquals(Penalties.NONE, parse("{" + USER_HI + "}").options().penalties());
        assertEquals(new Penalties(-2, 1.5), parse("{" + USER_HI + ",\"presence_penalty\":-2,\"frequency_penalty\":1.5}")
                .options().penalties());
        for (String refused : new String[]{"\"presence_penalty\":2.5", "\"frequency_penalty\":-3",
                "\"presence_penalty\":\"0.5\""}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + "," + refused + "}"), refused);
            assertEquals(refused.substring(1, refused.indexOf('"', 1)), e.field());
        }
    }

    @Test
    void aSafetyIdentifierIsTheEndUserAsUserIsAndBothMustAgree() {
        assertEquals("u-1", parse("{" + USER_HI + ",\"safety_identifier\":\"u-1\"}").user());
        assertEquals("u-1", parse("{" + USER_HI + ",\"safety_identifier\":\"u-1\",\"user\":\"u-1\"}").user());
        for (String refused : new String[]{"\"safety_identifier\":\"u-1\",\"user\":\"u-2\"",
                "\"safety_identifier\":\"" + "x".repeat(65) + "\"", "\"safety_identifier\":\" \""}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + "," + refused + "}"), refused);
            assertEquals("safety_identifier", e.field());
            assertFalse(e.getMessage().contains("u-2"), "the caller's value is not quoted");
        }
    }

    @Test
    void metadataInOpenAisShapeIsTakenAndChangesNothing() {
        assertEquals(parse("{" + USER_HI + "}"), parse("{" + USER_HI + ",\"metadata\":{\"team\":\"search\"}}"));
        for (String refused : new String[]{"[]", "{\"a\":1}", "{\"" + "k".repeat(65) + "\":\"v\"}",
                "{\"a\":\"" + "v".repeat(513) + "\"}"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + ",\"metadata\":" + refused + "}"), refused);
            assertEquals("metadata", e.field());
        }
        StringBuilder seventeen = new StringBuilder("{");
        for (int i = 0; i < 17; i++) {
            seventeen.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertThrows(InvalidRequestException.class,
                () -> parse("{" + USER_HI + ",\"metadata\":" + seventeen + "}}"));
    }

    @Test
    void promptCacheHintsAreTakenInOpenAisWords() {
        PromptCacheHint hint = parse("{" + USER_HI + ",\"prompt_cache_key\":\"agent-7\","
                + "\"prompt_cache_retention\":\"24h\"}").options().promptCache();
        assertEquals(new PromptCacheHint("agent-7", "24h"), hint);
        assertEquals(PromptCacheHint.NONE, parse("{" + USER_HI + "}").options().promptCache());
        assertEquals("in_memory", parse("{" + USER_HI + ",\"prompt_cache_retention\":\"in_memory\"}").options()
                .promptCache().retention());
        assertEquals("in_memory", parse("{" + USER_HI + ",\"prompt_cache_retention\":\"in-memory\"}").options()
                .promptCache().retention(), "early documents' spelling, sent as OpenAI reads it");
        for (String refused : new String[]{"\"prompt_cache_key\":\"\"", "\"prompt_cache_retention\":\"1h\"",
                "\"prompt_cache_key\":7"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + "," + refused + "}"), refused);
            assertEquals(refused.substring(1, refused.indexOf('"', 1)), e.field());
        }
    }

    @Test
    void openAisOtherFieldsAreTakenAtTheirDefaultsAndRefusedNamingTheFieldOtherwise() {
        ChatCompletionRequest spelt = parse("{" + USER_HI + ",\"presence_penalty\":0,\"frequency_penalty\":null,"
                + "\"logprobs\":false,\"top_logprobs\":null,\"store\":false,\"parallel_tool_calls\":true,"
                + "\"logit_bias\":{},\"response_format\":{\"type\":\"text\"},\"service_tier\":\"auto\","
                + "\"modalities\":[\"text\"],\"verbosity\":\"medium\"}");
        assertEquals(parse("{" + USER_HI + "}"), spelt, "the defaults spelt out change nothing");
        for (String field : new String[]{"\"logprobs\":true", "\"store\":true",
                "\"logit_bias\":{\"50256\":-100}",
                "\"service_tier\":\"flex\"", "\"modalities\":[\"text\",\"audio\"]", "\"verbosity\":\"low\""}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> parse("{" + USER_HI + "," + field + "}"), field);
            assertEquals(field.substring(1, field.indexOf('"', 1)), e.field());
            assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
        }
    }

    @Test
    void autoRoutesAndANamedModelIsPinned() {
        assertNull(parse("{\"model\":\"auto\"," + USER_HI + "}").model());
        assertEquals("gpt-4o", parse("{\"model\":\"gpt-4o\"," + USER_HI + "}").model());
    }

    @Test
    void readsAConversationWithToolsToolCallsAndToolResults() {
        ChatCompletionRequest request = parse("""
                {"model":"auto","temperature":0.2,"max_tokens":50,"max_completion_tokens":70,
                 "stream":true,"stream_options":{"include_usage":true},"user":"u-1","strategy":"cost-based",
                 "tools":[{"type":"function","function":{"name":"weather","description":"Weather now",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "messages":[
                   {"role":"developer","content":"Be brief."},
                   {"role":"user","content":[{"type":"text","text":"Weather in "},{"type":"text","text":"Paris?"}]},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"18C, clear"}]}
                """);
        assertEquals(new ChatMessage("system", "Be brief."), request.messages().get(0));
        assertEquals(ChatMessage.user("Weather in Paris?"), request.messages().get(1));
        assertEquals(new ChatMessage("assistant", "", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}")),
                null), request.messages().get(2));
        assertEquals(new ChatMessage("tool", "18C, clear", List.of(), "call_1"), request.messages().get(3));
        assertEquals(70, request.maxTokens(), "max_completion_tokens wins over the older max_tokens");
        assertEquals(0.2, request.temperature());
        assertTrue(request.stream());
        assertTrue(request.includeUsage());
        assertEquals("cost-based", request.routing().strategy());
        assertEquals("weather", request.tools().get(0).name());
        assertEquals(Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))),
                readJson(request.tools().get(0).parametersJson()));
        assertEquals("Be brief.\nWeather in Paris?\n18C, clear", request.promptText());
    }

    @Test
    void blankToolCallArgumentsAreACallWithoutArgumentsAsCompatibleServersWriteIt() {
        ChatCompletionRequest request = parse("""
                {"tools":[{"type":"function","function":{"name":"now"}}],
                 "messages":[{"role":"user","content":"Time?"},
                   {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"now","arguments":""}},
                     {"id":"c2","type":"function","function":{"name":"now","arguments":"  "}}]},
                   {"role":"tool","tool_call_id":"c1","content":"12:00"},{"role":"tool","tool_call_id":"c2","content":"12:00"}]}
                """);

        assertEquals(List.of(new ToolCall("c1", "now", "{}"), new ToolCall("c2", "now", "{}")),
                request.messages().get(1).toolCalls());
    }

    @Test
    void aCallsThoughtSignatureIsReadFromItsExtraContentAndTheRestOfItIsIgnored() {
        ChatCompletionRequest request = parse("""
                {"tools":[{"type":"function","function":{"name":"now"}}],
                 "messages":[{"role":"user","content":"Time?"},
                   {"role":"assistant","tool_calls":[
                     {"id":"c1","type":"function","function":{"name":"now","arguments":"{}"},
                      "extra_content":{"google":{"thought_signature":"CiQBsig=="},"other":{"x":1}}},
                     {"id":"c2","type":"function","function":{"name":"now","arguments":"{}"},"extra_content":{"other":1}},
                     {"id":"c3","type":"function","function":{"name":"now","arguments":"{}"},
                      "extra_content":{"google":{"thought_signature":null}}}]},
                   {"role":"tool","tool_call_id":"c1","content":"1"},{"role":"tool","tool_call_id":"c2","content":"2"},
                   {"role":"tool","tool_call_id":"c3","content":"3"}]}
                """);

        assertEquals(List.of(new ToolCall("c1", "now", "{}", "CiQBsig=="), new ToolCall("c2", "now", "{}"),
                new ToolCall("c3", "now", "{}")), request.messages().get(1).toolCalls());
    }

    @Test
    void streamOptionsTakeIncludeObfuscationWhichChangesNothing() {
        ChatCompletionRequest request = parse("""
                {"stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false},
                 "messages":[{"role":"user","content":"a"}]}
                """);

        assertTrue(request.includeUsage());
        assertFalse(parse("""
                {"stream":true,"stream_options":{"include_obfuscation":true},"messages":[{"role":"user","content":"a"}]}
                """).includeUsage());
    }

    @Test
    void aFunctionMarkedStrictIsAStrictToolAndFalseOrNullIsALooseOne() {
        ChatCompletionRequest request = parse("""
                {"tools":[{"type":"function","function":{"name":"a","strict":true}},
                          {"type":"function","function":{"name":"b","strict":false}},
                          {"type":"function","function":{"name":"c","strict":null}},
                          {"type":"function","function":{"name":"d"}}],
                 "messages":[{"role":"user","content":"Hi"}]}
                """);

        assertEquals(List.of(true, false, false, false), request.tools().stream().map(ToolDefinition::strict).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no messages              | {}                                                                   | messages",
            "empty messages           | {\"messages\":[]}                                                    | messages",
            "only a system turn       | {\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}             | messages",
            "unknown role             | {\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}              | messages[0].role",
            "blank last question      | {\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":\" \"}]} | messages[2].content",
            "blank question, system after | {\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":\"\"},{\"role\":\"system\",\"content\":\"Be brief.\"}]} | messages[2].content",
            "blank question and answer | {\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":\" \"},{\"role\":\"assistant\",\"content\":\"\"}]} | messages[2].content",
            "content of a wrong type  | {\"messages\":[{\"role\":\"user\",\"content\":5}]}                   | messages[0].content",
            "an image part without url | {\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]} | messages[0].content[0].image_url",
            "an audio part without audio | {\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]} | messages[0].content[0].input_audio",
            "a video part             | {\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_video\"}]}]} | messages[0].content[0]",
            "tool turn without its id | {\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"tool\",\"content\":\"b\"}]} | messages[1].tool_call_id",
            "arguments not JSON       | {\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{oops\"}}]}]} | messages[1].tool_calls[0].function.arguments",
            "signature not a string   | {\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"},\"extra_content\":{\"google\":{\"thought_signature\":7}}}]}]} | messages[1].tool_calls[0].extra_content.google.thought_signature",
            "blank signature          | {\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"},\"extra_content\":{\"google\":{\"thought_signature\":\" \"}}}]}]} | messages[1].tool_calls[0].extra_content.google.thought_signature",
            "two choices              | {\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}       | n",
            "call asked without tools | {\"tool_choice\":\"required\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | tool_choice",
            "stream options alone     | {\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | stream_options",
            "unknown stream option    | {\"stream\":true,\"stream_options\":{\"x\":1},\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | stream_options",
            "stream option not boolean | {\"stream\":true,\"stream_options\":{\"include_obfuscation\":\"no\"},\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | stream_options",
            "stream options not object | {\"stream\":true,\"stream_options\":[],\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | stream_options",
            "temperature too high     | {\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | temperature",
            "max_tokens too large     | {\"max_tokens\":1000001,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | max_tokens",
            "tool of another type     | {\"tools\":[{\"type\":\"retrieval\"}],\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | tools[0].type",
            "tool schema not object   | {\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":[]}}],\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | tools[0].function.parameters",
            "strict not a boolean     | {\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"strict\":\"yes\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | tools[0].function.strict",
            "unknown field            | {\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | logprobs",
            "blank model              | {\"model\":\" \",\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | model",
            "user not a string        | {\"user\":42,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | user",
            "blank user               | {\"user\":\" \",\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} | user"})
    void refusesWhatItCannotHonourNamingTheField(String name, String body, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(body), body);
        assertEquals(field, e.field(), e.getMessage());
    }

    private static Map<?, ?> readJson(String text) {
        try {
            return JSON.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theEndUserIsKeptUpTo256CharactersAndALongerOneIsRefusedWithoutQuotingIt() {
        assertNull(parse("{" + USER_HI + "}").user());
        ChatCompletionRequest withUser = parse("{\"user\":\"user-1234\"," + USER_HI + "}");
        assertEquals("user-1234", withUser.user());
        assertFalse(withUser.toString().contains("user-1234"), "printing the request never shows the end user");
        assertFalse(withUser.toString().contains("hi"), "nor the prompt");
        String longest = "u".repeat(256);
        assertEquals(longest, parse("{\"user\":\"" + longest + "\"," + USER_HI + "}").user());

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> parse("{\"user\":\"" + longest + "v\"," + USER_HI + "}"));
        assertEquals("user", e.field());
        assertFalse(e.getMessage().contains(longest), "the message never quotes the caller's value");
    }
}
