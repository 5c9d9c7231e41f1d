package dev.switchboard.provider.openai;

import dev.switchboard.provider.JsonObjects;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.sse.SseEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One Chat Completions stream, event by event: text deltas go to the sink as they arrive; tool
 * call fragments are assembled by index; the finish reason and the usage chunk (sent with
 * stream_options.include_usage) make up the last chunk, handed on at "data: [DONE]". A stream that
 * ends without [DONE] or without a finish reason was cut, and {@link #end()} says so by throwing,
 * never by ending cleanly. Refusal deltas are text too, and a stream that refused finishes with
 * {@link FinishReason#CONTENT_FILTER} rather than the "stop" it is sent with (see {@link OpenAiResponseParser}).
 * Not thread-safe: one parser per stream.
 */
public final class OpenAiStreamParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;
    private final ChatRequest request;
    private final Consumer<StreamChunk> sink;
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, ToolCallFragments> calls = new TreeMap<>();
    private FinishReason finish;
    private boolean refused;
    private Usage usage;
    private boolean done;

    public OpenAiStreamParser(String provider, JsonMapper json, TokenCounter tokens, ChatRequest request,
                              Consumer<StreamChunk> sink) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
        this.request = Objects.requireNonNull(request);
        this.sink = Objects.requireNonNull(sink);
    }

    /** @return false once the stream's [DONE] has been seen and the last chunk handed on */
    public boolean accept(SseEvent event) {
        if (event.data().equals("[DONE]")) {
            finishStream();
            return false;
        }
        JsonNode chunk = parse(event.data());
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            throw ProviderException.midStream(provider, saysRateLimit(error.isObject() ? error.get("code") : null)
                    || saysRateLimit(error.isObject() ? error.get("type") : null), "");
        }
        Usage reported = OpenAiUsage.of(chunk.get("usage"));
        if (reported != null) {
            usage = reported;
        }
        JsonNode choices = chunk.get("choices");
        if (choices != null && choices.isArray() && choices.size() > 0) {
            choice(choices.get(0));
        }
        return true;
    }

    /** OpenAI's rate_limit_exceeded code, or a type naming a rate limit (rate_limit_error, as compatible servers say). */
    private static boolean saysRateLimit(JsonNode codeOrType) {
        return codeOrType != null && codeOrType.isString() && codeOrType.getStringValue().startsWith("rate_limit");
    }

    /** Call when the body has ended: throws unless the stream finished properly. */
    public void end() {
        if (!done) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream before it finished (no [DONE])");
        }
    }

    private void choice(JsonNode choice) {
        JsonNode delta = choice.get("delta");
        if (delta != null && delta.isObject()) {
            text(delta.get("content"));
            refused |= text(delta.get("refusal"));
            // The reasoning some compatible servers stream (DeepSeek, vLLM): not the answer, but billed.
            JsonNode reasoning = delta.get("reasoning_content");
            if (reasoning != null && reasoning.isString() && !reasoning.getStringValue().isEmpty()) {
                sink.accept(StreamChunk.progress(reasoning.getStringValue(), null));
            }
            JsonNode toolCalls = delta.get("tool_calls");
            if (toolCalls != null && toolCalls.isArray()) {
                for (JsonNode call : toolCalls.values()) {
                    fragment(call);
                }
            }
        }
        JsonNode reason = choice.get("finish_reason");
        if (reason != null && reason.isString()) {
            finish = OpenAiFinishReasons.of(reason.getStringValue());
        }
    }

    /** Hands on a non-empty text delta; whether there was one. */
    private boolean text(JsonNode piece) {
        if (piece == null || !piece.isString() || piece.getStringValue().isEmpty()) {
            return false;
        }
        text.append(piece.getStringValue());
        sink.accept(StreamChunk.text(piece.getStringValue()));
        return true;
    }

    private void fragment(JsonNode call) {
        JsonNode index = call.get("index");
        int key = index != null && index.isNumber() ? index.getIntValue() : 0;
        ToolCallFragments parts = calls.computeIfAbsent(key, k -> new ToolCallFragments());
        JsonNode id = call.get("id");
        if (id != null && id.isString()) {
            parts.id = id.getStringValue();
        }
        JsonNode function = call.get("function");
        if (function != null && function.isObject()) {
            JsonNode name = function.get("name");
            if (name != null && name.isString()) {
                parts.name = name.getStringValue();
            }
            JsonNode arguments = function.get("arguments");
            if (arguments != null && arguments.isString()) {
                parts.arguments.append(arguments.getStringValue());
                // Handed on whole with the last chunk; written, and billed, as they come.
                sink.accept(StreamChunk.progress(arguments.getStringValue(), null));
            }
        }
    }

    private void finishStream() {
        if (finish == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream without a finish reason");
        }
        List<ToolCall> assembled = new ArrayList<>(calls.size());
        for (ToolCallFragments parts : calls.values()) {
            if (parts.id == null || parts.name == null) {
                throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                        provider + " streamed a tool call without an id or a name");
            }
            assembled.add(new ToolCall(parts.id, parts.name, OpenAiToolArguments.orEmptyObject(parts.arguments.toString())));
        }
        done = true;
        sink.accept(StreamChunk.last(refused && finish == FinishReason.STOP ? FinishReason.CONTENT_FILTER : finish,
                usage != null ? usage : UsageEstimate.of(tokens, request, text.toString(), assembled), assembled));
    }


    private JsonNode parse(String data) {
        return JsonObjects.read(json, data).orElseThrow(() -> new ProviderException(provider,
                ProviderException.Kind.UNAVAILABLE, provider + " streamed an event that is not a JSON object"));
    }

    /** A tool call as its stream fragments arrive. */
    private static final class ToolCallFragments {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }
}
