package dev.switchboard.provider.gemini;

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
import java.util.function.Consumer;

/**
 * One streamGenerateContent?alt=sse stream, event by event. Each event is a whole
 * GenerateContentResponse: its text goes to the sink at once; function calls arrive whole and are
 * kept for the last chunk. Gemini has no end-of-stream marker: the stream is whole only when a
 * candidate carried a finishReason (or the prompt was blocked), and the usage comes on the last
 * events, so the last chunk is handed on by {@link #end()} once the body is over. A body that ends
 * before a finishReason was cut, and end() throws. Not thread-safe: one parser per stream.
 */
public final class GeminiStreamParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;
    private final ChatRequest request;
    private final Consumer<StreamChunk> sink;
    private final StringBuilder text = new StringBuilder();
    private final List<ToolCall> calls = new ArrayList<>();
    /** The ids of this stream's calls are made under one key, taken when the first call comes. */
    private String callKey;
    private String finishReason;
    private boolean blocked;
    private JsonNode usage;

    public GeminiStreamParser(String provider, JsonMapper json, TokenCounter tokens, ChatRequest request,
                              Consumer<StreamChunk> sink) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
        this.request = Objects.requireNonNull(request);
        this.sink = Objects.requireNonNull(sink);
    }

    /** @return always true: only the end of the body ends a Gemini stream */
    public boolean accept(SseEvent event) {
        JsonNode root = parse(event.data());
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            JsonNode status = error.isObject() ? error.get("status") : null;
            JsonNode code = error.isObject() ? error.get("code") : null;
            // Google's quota error: RESOURCE_EXHAUSTED, HTTP's 429 as its code.
            throw ProviderException.midStream(provider, status != null && status.isString()
                    && "RESOURCE_EXHAUSTED".equals(status.getStringValue())
                    || code != null && code.isNumber() && code.getIntValue() == 429, "");
        }
        GeminiPiece piece = GeminiPiece.read(root, provider, json);
        if (!piece.text().isEmpty()) {
            text.append(piece.text());
            sink.accept(StreamChunk.text(piece.text()));
        }
        for (GeminiPiece.Call call : piece.calls()) {
            if (callKey == null) {
                callKey = GeminiPiece.callKey(piece.responseId());
            }
            calls.add(call.unified(callKey, calls.size()));
        }
        if (piece.finishReason() != null) {
            finishReason = piece.finishReason();
        }
        if (piece.blockReason() != null && !piece.hasCandidate()) {
            blocked = true;
        }
        if (piece.usage() != null && !piece.usage().isNull()) {
            usage = piece.usage();
            Usage soFar = GeminiUsage.of(usage);
            if (soFar != null) {
                // Gemini's running counts, thoughts included: what a stream cut from here on is billed.
                sink.accept(StreamChunk.progress("", soFar));
            }
        }
        return true;
    }

    /** Whether a finish reason came: the answer is whole, whatever follows before the body's end. */
    public boolean finished() {
        return finishReason != null;
    }

    /** Call when the body has ended: hands on the last chunk, or throws if the stream never finished. */
    public void end() {
        FinishReason finish;
        if (finishReason != null) {
            finish = GeminiFinishReasons.of(finishReason, !calls.isEmpty());
        } else if (blocked && text.isEmpty() && calls.isEmpty()) {
            // Same reading as GeminiResponseParser: a prompt Gemini refused is a filtered, empty answer.
            finish = FinishReason.CONTENT_FILTER;
        } else {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream before a finish reason");
        }
        Usage reported = GeminiUsage.of(usage);
        sink.accept(StreamChunk.last(finish, reported != null ? reported
                : UsageEstimate.of(tokens, request, text.toString(), calls), calls));
    }

    private JsonNode parse(String data) {
        return JsonObjects.read(json, data).orElseThrow(() -> new ProviderException(provider,
                ProviderException.Kind.UNAVAILABLE, provider + " streamed an event that is not a JSON object"));
    }
}
