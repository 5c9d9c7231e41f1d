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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Chat Completions stream, event by event: text deltas go to the sink as they arrive; tool
 * call fragments are assembled by index and id; the finish reason and the usage chunk (sent with
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
    /** The tool calls in the order they began. */
    private final List<ToolCallFragments> calls = new ArrayList<>();
    /** The call each index continues now. */
    private final Map<Integer, ToolCallFragments> callAt = new HashMap<>();
    private String finish;
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
                for (int i = 0; i < toolCalls.size(); i++) {
                    fragment(toolCalls.get(i), i);
                }
            }
        }
        JsonNode reason = choice.get("finish_reason");
        if (reason != null && reason.isString()) {
            finish = reason.getStringValue();
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

    /**
     * A fragment of the call at its index, or of a new call: one whose id differs from the call's at that index
     * begins another (Ollama streams every call at index 0). Without an index (Google's compatible endpoint), the
     * fragment's place in its delta stands in for one.
     */
    private void fragment(JsonNode call, int position) {
        JsonNode index = call.get("index");
        int key = index != null && index.isNumber() ? index.getIntValue() : position;
        JsonNode idNode = call.get("id");
        String id = idNode != null && idNode.isString() && !idNode.getStringValue().isEmpty()
                ? idNode.getStringValue() : null;
        ToolCallFragments parts = callAt.get(key);
        if (parts == null || (id != null && parts.id != null && !parts.id.equals(id))) {
            parts = new ToolCallFragments();
            calls.add(parts);
            callAt.put(key, parts);
        }
        if (id != null) {
            parts.id = id;
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
        for (ToolCallFragments parts : calls) {
            if (parts.id == null || parts.name == null) {
                throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                        provider + " streamed a tool call without an id or a name");
            }
            assembled.add(new ToolCall(parts.id, parts.name, OpenAiToolArguments.orEmptyObject(parts.arguments.toString())));
        }
        done = true;
        FinishReason reason = OpenAiFinishReasons.of(finish, !assembled.isEmpty());
        sink.accept(StreamChunk.last(refused && reason == FinishReason.STOP ? FinishReason.CONTENT_FILTER : reason,
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
