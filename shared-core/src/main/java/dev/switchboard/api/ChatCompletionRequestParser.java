package dev.switchboard.api;

import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a POST /v1/chat/completions body into a {@link ChatCompletionRequest}, or a 400 naming the
 * field. OpenAI's fields the gateway cannot honour (n above 1, logprobs...) are refused rather than
 * silently dropped.
 */
@Singleton
public final class ChatCompletionRequestParser {

    public static final String AUTO_MODEL = "auto";
    private static final Set<String> FIELDS = fields();
    /** What stream_options may hold (OpenAI's ChatCompletionStreamOptions). */
    private static final Set<String> STREAM_OPTIONS = Set.of("include_usage", "include_obfuscation");

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
                RoutingPreferencesParser.fromBody(json), EndUserFields.parse(json), toolChoice,
                GenerationOptionsParser.parse(mapper, json));
    }

    private static boolean includeUsage(JsonNode options, boolean stream) {
        if (options == null) {
            return false;
        }
        if (!stream) {
            throw new InvalidRequestException("stream_options", "'stream_options' applies only with \"stream\": true");
        }
        if (!options.isObject()) {
            throw streamOptionsRefused();
        }
        for (Map.Entry<String, JsonNode> option : options.entries()) {
            if (!STREAM_OPTIONS.contains(option.getKey()) || !option.getValue().isBoolean()) {
                throw streamOptionsRefused();
            }
        }
        // include_obfuscation is taken and has nothing to do: the gateway pads no chunk.
        JsonNode include = options.get("include_usage");
        return include != null && include.getBooleanValue();
    }

    private static InvalidRequestException streamOptionsRefused() {
        return new InvalidRequestException("stream_options", "'stream_options' may hold only include_usage and "
                + "include_obfuscation, each true or false");
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(Set.of("model", "messages", "max_tokens", "max_completion_tokens",
                "temperature", "tools", "tool_choice", "parallel_tool_calls", "n", "stream", "stream_options",
                "auto_route"));
        fields.addAll(GenerationOptionsParser.FIELDS);
        fields.addAll(EndUserFields.FIELDS);
        fields.addAll(RoutingPreferencesParser.FIELDS);
        fields.addAll(DefaultOnlyFields.FIELDS.keySet());
        return Set.copyOf(fields);
    }
}
