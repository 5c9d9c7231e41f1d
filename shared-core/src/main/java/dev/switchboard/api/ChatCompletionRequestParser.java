package dev.switchboard.api;

import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a POST /v1/chat/completions body into a {@link ChatCompletionRequest}, or a 400 naming the
 * field. OpenAI's fields the gateway cannot honour (n above 1, logprobs...) are refused rather than
 * silently dropped.
 */
@Singleton
public final class ChatCompletionRequestParser {

    public static final String AUTO_MODEL = "auto";
    private static final Set<String> FIELDS = fields();

    private final JsonMapper mapper;
    private final ChatMessagesParser messages;
    private final ChatSettings settings;

    @Inject
    public ChatCompletionRequestParser(JsonMapper mapper, ChatSettings settings) {
        this.mapper = mapper;
        this.messages = new ChatMessagesParser(mapper);
        this.settings = settings;
    }

    /** A parser with the default settings. */
    public ChatCompletionRequestParser(JsonMapper mapper) {
        this(mapper, ChatSettings.DEFAULTS);
    }

    public ChatCompletionRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        String model = json.optionalText("model", AUTO_MODEL);
        if (model.isBlank()) {
            throw new InvalidRequestException("model", "'model' must be \"auto\" or a configured model");
        }
        json.optionalLong("n", 1, 1);
        DefaultOnlyFields.check(json);
        // OpenAI's newer name wins over the older one; with neither, the configured default, which the
        // model's own longest answer may cut.
        Long completion = json.optionalLong("max_completion_tokens", CompleteRequest.MIN_MAX_TOKENS,
                ChatCompletionRequest.MAX_MAX_TOKENS);
        Long older = json.optionalLong("max_tokens", CompleteRequest.MIN_MAX_TOKENS,
                ChatCompletionRequest.MAX_MAX_TOKENS);
        Long given = completion != null ? completion : older;
        int maxTokens = given != null ? given.intValue() : settings.defaultMaxTokens();
        boolean stream = json.optionalBoolean("stream", false);
        List<ToolDefinition> tools = messages.tools(json.optionalNode("tools"));
        ToolChoice toolChoice = ToolChoiceParser.parse(json.optionalNode("tool_choice"), tools);
        if (!json.optionalBoolean("parallel_tool_calls", true)) {
            toolChoice = toolChoice.oneCallAtATime();
        }
        return new ChatCompletionRequest(model.equals(AUTO_MODEL) ? null : model,
                messages.messages(json.optionalNode("messages"), CompleteRequestParser.MAX_PROMPT_CHARS), maxTokens,
                given != null, json.optionalDecimal("temperature", 0, 2), tools, stream,
                includeUsage(json.optionalNode("stream_options"), stream), json.optionalBoolean("auto_route", false),
                RoutingPreferencesParser.fromBody(json), user(json), toolChoice,
                new GenerationOptions(topP(json), stop(json.optionalNode("stop")),
                        ResponseFormatParser.parse(mapper, json.optionalNode(ResponseFormatParser.FIELD)),
                        json.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE), reasoning(json), penalties(json)));
    }

    /** OpenAI's end-user id: a non-blank string the providers can take as it is. The message never quotes it. */
    private static String user(JsonBody json) {
        String user = json.optionalText("user", null);
        if (user != null && (user.isBlank() || user.length() > ChatRequest.MAX_END_USER_CHARS)) {
            throw new InvalidRequestException("user", "'user' must be a non-blank string of at most "
                    + ChatRequest.MAX_END_USER_CHARS + " characters");
        }
        return user;
    }

    /** OpenAI's presence_penalty and frequency_penalty, each from -2 to 2; 0 (OpenAI's default) when not given. */
    private static Penalties penalties(JsonBody json) {
        Double presence = json.optionalDecimal("presence_penalty", -Penalties.MAX, Penalties.MAX);
        Double frequency = json.optionalDecimal("frequency_penalty", -Penalties.MAX, Penalties.MAX);
        return new Penalties(presence == null ? 0 : presence, frequency == null ? 0 : frequency);
    }

    /** OpenAI's reasoning_effort, one of its words; null when not given. */
    private static ReasoningEffort reasoning(JsonBody json) {
        String word = json.optionalText("reasoning_effort", null);
        if (word == null) {
            return null;
        }
        return ReasoningEffort.of(word).orElseThrow(() -> new InvalidRequestException("reasoning_effort",
                "'reasoning_effort' must be one of " + Arrays.stream(ReasoningEffort.values())
                        .map(ReasoningEffort::wireName).collect(Collectors.joining(", "))));
    }

    /**
     * top_p from 0 to 1; 1, every protocol's default, is not passed on (clients send it spelt out, and
     * Anthropic's newer models refuse temperature and top_p together).
     */
    private static Double topP(JsonBody json) {
        Double topP = json.optionalDecimal("top_p", 0, 1);
        return topP != null && topP == 1.0 ? null : topP;
    }

    /** OpenAI's stop: one string or an array of up to four, none empty; null for none. */
    private static List<String> stop(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        String rule = "'stop' must be a non-empty string or an array of at most " + GenerationOptions.MAX_STOP_SEQUENCES
                + " of them";
        if (node.isString()) {
            if (node.getStringValue().isEmpty()) {
                throw new InvalidRequestException("stop", rule);
            }
            return List.of(node.getStringValue());
        }
        if (!node.isArray() || node.size() > GenerationOptions.MAX_STOP_SEQUENCES) {
            throw new InvalidRequestException("stop", rule);
        }
        List<String> sequences = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.getStringValue().isEmpty()) {
                throw new InvalidRequestException("stop", rule);
            }
            sequences.add(item.getStringValue());
        }
        return sequences;
    }

    private static boolean includeUsage(JsonNode options, boolean stream) {
        if (options == null) {
            return false;
        }
        if (!stream) {
            throw new InvalidRequestException("stream_options", "'stream_options' applies only with \"stream\": true");
        }
        JsonNode include = options.isObject() ? options.get("include_usage") : null;
        if (!options.isObject() || options.size() != (include == null ? 0 : 1)
                || (include != null && !include.isBoolean())) {
            throw new InvalidRequestException("stream_options", "'stream_options' may hold only include_usage: "
                    + "true or false");
        }
        return include != null && include.getBooleanValue();
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(Set.of("model", "messages", "max_tokens", "max_completion_tokens",
                "temperature", "tools", "tool_choice", "n", "stream", "stream_options", "user", "auto_route", "top_p",
                "stop", "seed", "reasoning_effort", "parallel_tool_calls", "presence_penalty", "frequency_penalty",
                ResponseFormatParser.FIELD));
        fields.addAll(RoutingPreferencesParser.FIELDS);
        fields.addAll(DefaultOnlyFields.FIELDS.keySet());
        return Set.copyOf(fields);
    }
}
