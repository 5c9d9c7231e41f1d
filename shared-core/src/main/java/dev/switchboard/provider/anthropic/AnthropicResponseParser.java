package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.JsonObjects;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.switchboard.provider.anthropic.AnthropicJson.string;

/**
 * A Messages response body (HTTP 200) in the unified model: the text blocks joined, the tool_use
 * blocks as tool calls (their input object as JSON text), the stop reason and the usage. Blocks of
 * other kinds (thinking, server tools) are not part of the unified answer and are skipped. A body
 * that is not such a response is the provider's fault: UNAVAILABLE, so the chain may try elsewhere.
 */
public final class AnthropicResponseParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;

    public AnthropicResponseParser(String provider, JsonMapper json, TokenCounter tokens) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
    }

    public ChatResponse parse(byte[] body, ChatRequest request) {
        JsonNode root = readObject(body);
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw malformed("has no content list");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content.values()) {
            String type = string(block, "type");
            if ("text".equals(type)) {
                String piece = string(block, "text");
                if (piece == null) {
                    throw malformed("has a text block without text");
                }
                text.append(piece);
            } else if ("tool_use".equals(type)) {
                calls.add(toolCall(block));
            }
        }
        Usage usage = AnthropicUsage.of(root.get("usage"));
        if (usage == null) {
            usage = UsageEstimate.of(tokens, request, text.toString(), calls);
        }
        String model = string(root, "model");
        return new ChatResponse(text.toString(), model != null ? model : request.model(), usage,
                AnthropicStopReasons.of(string(root, "stop_reason")), calls);
    }

    private ToolCall toolCall(JsonNode block) {
        String id = string(block, "id");
        String name = string(block, "name");
        if (id == null || name == null) {
            throw malformed("has a tool_use block without an id or a name");
        }
        JsonNode input = block.get("input");
        if (input == null || input.isNull()) {
            return new ToolCall(id, name, "{}");
        }
        if (!input.isObject()) {
            throw malformed("has a tool_use block whose input is not an object");
        }
        try {
            return new ToolCall(id, name, json.writeValueAsString(input));
        } catch (IOException e) {
            throw malformed("has a tool_use input that cannot be written back as JSON");
        }
    }

    private JsonNode readObject(byte[] body) {
        return JsonObjects.read(json, body).orElseThrow(() -> malformed("is not a JSON object"));
    }

    private ProviderException malformed(String what) {
        return new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                provider + " sent a response that " + what);
    }
}
