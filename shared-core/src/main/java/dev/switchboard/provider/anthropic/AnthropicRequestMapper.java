package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ClaudePrefill;
import dev.switchboard.provider.ClaudeThinking;
import dev.switchboard.provider.ClaudeVersions;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.JsonText;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.ToolHistoryAsText;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The unified request as an Anthropic Messages body (POST /v1/messages): system turns go to the
 * top-level system field, the rest to messages (see {@link AnthropicTurns}); max_tokens is always
 * sent because Anthropic requires it.
 */
public final class AnthropicRequestMapper {

    /** Anthropic's highest temperature; the unified model allows up to 2, as OpenAI does. */
    static final double MAX_TEMPERATURE = 1.0;

    private final JsonMapper json;
    private final AnthropicTurns turns;
    private final boolean promptCaching;

    /** A mapper whose requests ask nothing of Anthropic's prompt cache. */
    public AnthropicRequestMapper(JsonMapper json) {
        this(json, false);
    }

    /** {@code promptCaching}: each request marks its prefix for the prompt cache (see AnthropicCacheBreakpoints). */
    public AnthropicRequestMapper(JsonMapper json, boolean promptCaching) {
        this.json = Objects.requireNonNull(json);
        this.turns = new AnthropicTurns(json);
        this.promptCaching = promptCaching;
    }

    /** @throws IllegalArgumentException when the request cannot be said in Anthropic's terms */
    public byte[] body(ChatRequest request, boolean stream) {
        if (request.options().penalties().any()) {
            // The Messages API has no penalties; dropping them would answer another request than the one asked.
            throw new IllegalArgumentException("Anthropic's Messages API takes no presence or frequency penalty");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        // Blank system turns say nothing and would only add separators.
        String system = request.messages().stream().filter(m -> m.role().equals("system"))
                .map(ChatMessage::content).filter(text -> !text.isBlank()).collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.put("system", promptCaching ? AnthropicCacheBreakpoints.markedSystem(system) : system);
        }
        // Anthropic refuses tool blocks in a request without tools: with none offered they go as text.
        List<ChatMessage> messages = ClaudePrefill.fitted(request.model(), request.messages());
        List<Map<String, Object>> conversation = turns.of(request.tools().isEmpty()
                ? ToolHistoryAsText.of(messages) : messages);
        if (promptCaching) {
            AnthropicCacheBreakpoints.markTurns(conversation);
        }
        body.put("messages", conversation);
        Optional<ClaudeThinking.Plan> thinking = ClaudeThinking.plan(request, !request.tools().isEmpty());
        thinking.ifPresent(plan -> body.put("thinking", plan.thinkingField()));
        // Claude 4.7 and later refuse sampling parameters: they are hints, left out as with thinking rather than
        // making the deployment unable to take a request that has them.
        boolean sampling = ClaudeVersions.takesSampling(request.model());
        // With thinking, the temperature can only be 1, Claude's own, which is then not sent.
        if (sampling && request.temperature() != null && thinking.isEmpty()) {
            // Clamped rather than refused: both ends of each range mean the same thing (0 the most
            // deterministic, the top the most random), a request the gateway accepted should not fail
            // only because the router picked Anthropic, and a refusal (REJECTED) would not fall back.
            body.put("temperature", Math.min(request.temperature(), MAX_TEMPERATURE));
        }
        // With thinking no temperature is sent, so top_p is not beside one.
        Double topP = request.options().topPBeside(thinking.isPresent() ? null : request.temperature());
        if (sampling && topP != null) {
            body.put("top_p", topP);
        }
        // No seed: the Messages API has none. A seed promises no repeat on OpenAI either, so the request
        // goes without it rather than skipping a deployment that would otherwise answer.
        if (!request.options().stop().isEmpty()) {
            body.put("stop_sequences", GenerationOptions.requireVisible(request.options().stop(), "Anthropic"));
        }
        if (!request.tools().isEmpty()) {
            List<Map<String, Object>> tools = request.tools().stream().map(this::tool).toList();
            if (promptCaching && system.isEmpty()) {
                AnthropicCacheBreakpoints.markLastTool(tools);
            }
            body.put("tools", tools);
            toolChoice(request.toolChoice()).ifPresent(choice -> body.put("tool_choice", choice));
        }
        Map<String, Object> outputConfig = new LinkedHashMap<>();
        outputFormat(request.options().format()).ifPresent(format -> outputConfig.put("format", format));
        thinking.filter(ClaudeThinking.Plan::adaptive).ifPresent(plan -> outputConfig.put("effort", plan.effort()));
        if (!outputConfig.isEmpty()) {
            body.put("output_config", outputConfig);
        }
        if (request.endUser() != null) {
            // Anthropic's one end-user field, meant for the same abuse tracing as OpenAI's "user". It gets
            // a stable hash, not the id itself: Anthropic refuses ids that look like email addresses or
            // other personal data, and the caller's id is no business of Anthropic's beyond telling users apart.
            body.put("metadata", Map.of("user_id", opaqueUserId(request.endUser())));
        }
        if (stream) {
            body.put("stream", true);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Anthropic's structured output (output_config.format) for a json_schema format; nothing for text.
     * Anthropic holds the answer to a schema it is given and has no mode for "any JSON", so json_object
     * and a json_schema without a schema are not sayable here (another candidate may take them). The
     * schema's name and description have no place in Anthropic's format and are not sent.
     */
    private Optional<Map<String, Object>> outputFormat(ResponseFormat format) {
        if (!format.json()) {
            return Optional.empty();
        }
        if (format.schemaJson() == null) {
            throw new IllegalArgumentException("Anthropic's structured outputs take only a JSON schema, and "
                    + (format.kind() == ResponseFormat.Kind.JSON_OBJECT ? "json_object has none" : "this json_schema has none"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "json_schema");
        out.put("schema", objectSchema(format.schemaJson(), "response_format's schema is not a JSON object"));
        return Optional.of(out);
    }

    /**
     * Anthropic's words: "any" for at least one call, "tool" for the one named; nothing for AUTO, its default,
     * unless the model is held to one call, which Anthropic says inside the choice (disable_parallel_tool_use).
     */
    private static Optional<Map<String, Object>> toolChoice(ToolChoice choice) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (choice.mode()) {
            case AUTO -> out.put("type", "auto");
            case NONE -> out.put("type", "none");
            case REQUIRED -> out.put("type", "any");
            case FUNCTION -> {
                out.put("type", "tool");
                out.put("name", choice.function());
            }
        }
        if (choice.limitsCalls()) {
            out.put("disable_parallel_tool_use", true);
        }
        return choice.mode() == ToolChoice.Mode.AUTO && out.size() == 1 ? Optional.empty() : Optional.of(out);
    }

    /** The SHA-256 of the end-user id as 64 lower-case hex digits: the same id always gives the same value. */
    static String opaqueUserId(String endUser) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(endUser.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every JDK has SHA-256.
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> tool(ToolDefinition tool) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", tool.name());
        if (tool.description() != null) {
            out.put("description", tool.description());
        }
        out.put("input_schema", schema(tool));
        if (tool.strict()) {
            // Anthropic's strict tool use: the input is decoded to fit the schema.
            out.put("strict", true);
        }
        return out;
    }

    /** Anthropic wants the schema as a JSON object (type "object" at its top). */
    private JsonNode schema(ToolDefinition tool) {
        return objectSchema(tool.parametersJson(), "tool " + tool.name() + " has parameters that are not a JSON object");
    }

    /** {@code schemaJson} as one JSON object, which is how Anthropic takes every schema; else {@code refusal}. */
    private JsonNode objectSchema(String schemaJson, String refusal) {
        try {
            if (JsonText.isSingleValue(schemaJson)) {
                JsonNode schema = json.readValue(schemaJson, JsonNode.class);
                if (schema != null && schema.isObject()) {
                    return schema;
                }
            }
        } catch (IOException | RuntimeException e) {
            // refused below
        }
        throw new IllegalArgumentException(refusal);
    }
}
