package dev.switchboard.provider.openai;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.JsonText;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The unified request as an OpenAI Chat Completions body (POST /v1/chat/completions). OpenAI itself
 * takes the answer budget as max_completion_tokens (its reasoning models refuse max_tokens);
 * OpenAI-compatible servers (vLLM, Ollama, llama.cpp) know max_tokens, so the field is chosen per use.
 */
public final class OpenAiRequestMapper {

    private final JsonMapper json;
    private final String budgetField;
    private final boolean openAiItself;

    /** @param budgetField "max_completion_tokens" for OpenAI, "max_tokens" for compatible servers */
    public OpenAiRequestMapper(JsonMapper json, String budgetField) {
        this(json, budgetField, false);
    }

    /**
     * @param openAiItself whether the body goes to OpenAI's own API, which alone is sent its prompt-cache hints
     *                     (a compatible server may refuse fields it does not know)
     */
    public OpenAiRequestMapper(JsonMapper json, String budgetField, boolean openAiItself) {
        this.json = Objects.requireNonNull(json);
        this.budgetField = Objects.requireNonNull(budgetField);
        this.openAiItself = openAiItself;
    }

    public byte[] body(ChatRequest request, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("messages", request.messages().stream().map(OpenAiRequestMapper::message).toList());
        body.put(budgetField, request.maxTokens());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.options().topP() != null) {
            body.put("top_p", request.options().topP());
        }
        if (!request.options().stop().isEmpty()) {
            body.put("stop", request.options().stop());
        }
        if (request.options().seed() != null) {
            body.put("seed", request.options().seed());
        }
        if (request.options().reasoning() != null) {
            body.put("reasoning_effort", request.options().reasoning().wireName());
        }
        PromptCacheHint promptCache = request.options().promptCache();
        if (openAiItself && promptCache.key() != null) {
            body.put("prompt_cache_key", promptCache.key());
        }
        if (openAiItself && promptCache.retention() != null) {
            body.put("prompt_cache_retention", promptCache.retention());
        }
        Penalties penalties = request.options().penalties();
        if (penalties.presence() != 0) {
            body.put("presence_penalty", penalties.presence());
        }
        if (penalties.frequency() != 0) {
            body.put("frequency_penalty", penalties.frequency());
        }
        if (request.options().format().json()) {
            body.put("response_format", responseFormat(request.options().format()));
        }
        if (!request.tools().isEmpty()) {
            body.put("tools", request.tools().stream().map(this::tool).toList());
            toolChoice(request.toolChoice()).ifPresent(choice -> body.put("tool_choice", choice));
            // Only beside tools: OpenAI refuses parallel_tool_calls in a request without them.
            if (!request.toolChoice().parallel()) {
                body.put("parallel_tool_calls", false);
            }
        }
        if (request.endUser() != null) {
            body.put("user", request.endUser());
        }
        if (stream) {
            body.put("stream", true);
            // Without this the stream carries no usage, and the answer could not be costed.
            body.put("stream_options", Map.of("include_usage", true));
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenAI's own words; nothing for AUTO, its default with tools. */
    private static Optional<Object> toolChoice(ToolChoice choice) {
        return switch (choice.mode()) {
            case AUTO -> Optional.empty();
            case NONE -> Optional.of("none");
            case REQUIRED -> Optional.of("required");
            case FUNCTION -> Optional.of(Map.of("type", "function", "function", Map.of("name", choice.function())));
        };
    }

    private static Map<String, Object> message(ChatMessage message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", message.role());
        if (!message.toolCalls().isEmpty()) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (ToolCall call : message.toolCalls()) {
                calls.add(Map.of("id", call.id(), "type", "function",
                        "function", Map.of("name", call.name(), "arguments", call.argumentsJson())));
            }
            out.put("tool_calls", calls);
        }
        if (message.toolCallId() != null) {
            out.put("tool_call_id", message.toolCallId());
        }
        out.put("content", message.hasParts() ? parts(message) : message.content());
        return out;
    }

    /** A turn with images, files or audio as OpenAI's content parts, in the caller's order. */
    private static List<Map<String, Object>> parts(ChatMessage message) {
        List<Map<String, Object>> parts = new ArrayList<>(message.parts().size());
        for (MessagePart part : message.parts()) {
            if (part instanceof MessagePart.Text text) {
                parts.add(Map.of("type", "text", "text", text.text()));
            } else if (part instanceof MessagePart.Image image) {
                Map<String, Object> url = new LinkedHashMap<>();
                url.put("url", image.image().openAiUrl());
                if (image.image().detail() != null) {
                    url.put("detail", image.image().detail());
                }
                parts.add(Map.of("type", "image_url", "image_url", url));
            } else if (part instanceof MessagePart.Document document) {
                Map<String, Object> file = new LinkedHashMap<>();
                // OpenAI refuses file_data without a filename.
                file.put("filename", document.document().filenameOrDefault());
                file.put("file_data", document.document().dataUrl());
                parts.add(Map.of("type", "file", "file", file));
            } else if (part instanceof MessagePart.Audio audio) {
                Map<String, Object> clip = new LinkedHashMap<>();
                clip.put("data", audio.audio().base64Data());
                clip.put("format", audio.audio().format().wireName());
                parts.add(Map.of("type", "input_audio", "input_audio", clip));
            }
        }
        return parts;
    }

    /** OpenAI's own shape, which OpenAI-compatible servers (vLLM, llama.cpp, Ollama) take as well. */
    private Map<String, Object> responseFormat(ResponseFormat format) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", format.wireName());
        if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("name", format.schemaName());
            if (format.description() != null) {
                schema.put("description", format.description());
            }
            if (format.schemaJson() != null) {
                schema.put("schema", readObject(format.schemaJson(), "the response format's schema"));
            }
            if (format.strict() != null) {
                schema.put("strict", format.strict());
            }
            out.put("json_schema", schema);
        }
        return out;
    }

    private JsonNode readObject(String text, String what) {
        try {
            if (!JsonText.isSingleValue(text)) {
                throw new IOException("not one JSON value");
            }
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON", e);
        }
    }

    private Map<String, Object> tool(ToolDefinition tool) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        function.put("parameters", readObject(tool.parametersJson(), "tool " + tool.name() + "'s parameters"));
        if (tool.strict()) {
            function.put("strict", true);
        }
        return Map.of("type", "function", "function", function);
    }
}
