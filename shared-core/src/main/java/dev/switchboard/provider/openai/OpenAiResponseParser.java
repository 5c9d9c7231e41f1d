package dev.switchboard.provider.openai;

import dev.switchboard.provider.JsonObjects;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Chat Completions response body (HTTP 200) in the unified model: the first choice's text and
 * tool calls, its finish reason, and the usage. A body that is not such a response is the
 * provider's fault (UNAVAILABLE, so the chain may try elsewhere). A server that reports no usage
 * gets an estimate from the token counter rather than a cost of zero. A refusal (the model declining,
 * most often a structured output, with its words in {@code message.refusal} and a finish reason of
 * "stop") is the answer's text with {@link FinishReason#CONTENT_FILTER}, as Anthropic's refusal is:
 * left out, it would read as an empty answer that finished normally.
 */
public final class OpenAiResponseParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;

    public OpenAiResponseParser(String provider, JsonMapper json, TokenCounter tokens) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
    }

    public ChatResponse parse(byte[] body, ChatRequest request) {
        JsonNode root = readObject(body);
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.size() == 0 || !choices.get(0).isObject()) {
            throw malformed("has no choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw malformed("has no message in its first choice");
        }
        String refusal = textOf(message.get("refusal"));
        String text = textOf(message.get("content")) + refusal;
        List<ToolCall> calls = toolCalls(message.get("tool_calls"));
        JsonNode reason = choice.get("finish_reason");
        FinishReason finish = reason != null && reason.isString()
                ? OpenAiFinishReasons.of(reason.getStringValue(), !calls.isEmpty()) : FinishReason.OTHER;
        if (!refusal.isEmpty() && finish == FinishReason.STOP) {
            finish = FinishReason.CONTENT_FILTER;
        }
        JsonNode model = root.get("model");
        Usage usage = OpenAiUsage.of(root.get("usage"));
        if (usage == null) {
            usage = UsageEstimate.of(tokens, request, text, calls);
        }
        return new ChatResponse(text, model != null && model.isString() ? model.getStringValue() : request.model(),
                usage, finish, calls);
    }

    private JsonNode readObject(byte[] body) {
        return JsonObjects.read(json, body).orElseThrow(() -> malformed("is not a JSON object"));
    }

    private String textOf(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (!content.isString()) {
            throw malformed("has a message content or refusal that is not text");
        }
        return content.getStringValue();
    }

    private List<ToolCall> toolCalls(JsonNode calls) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw malformed("has tool_calls that are not a list");
        }
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (JsonNode call : calls.values()) {
            JsonNode function = call.get("function");
            JsonNode id = call.get("id");
            if (id == null || !id.isString() || function == null || !function.isObject()
                    || function.get("name") == null || !function.get("name").isString()) {
                throw malformed("has a tool call without an id or a function name");
            }
            JsonNode arguments = function.get("arguments");
            out.add(new ToolCall(id.getStringValue(), function.get("name").getStringValue(),
                    OpenAiToolArguments.orEmptyObject(arguments != null && arguments.isString()
                            ? arguments.getStringValue() : "")));
        }
        return out;
    }


    private ProviderException malformed(String what) {
        return new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                provider + " sent a response that " + what);
    }
}
